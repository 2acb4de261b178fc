import type { Decorator } from '@storybook/react-vite'
import { StiggStory } from './StiggStory'
import { splitSeed } from './stiggStates'

/**
 * Seeds each story from its args (see `StiggSeedArgs`). All-states stories seed each
 * state themselves and opt out with `parameters: { stigg: false }`.
 */
export const withStigg: Decorator = (Story, { args, parameters }) => {
  if (parameters['stigg'] === false) return <Story />
  return (
    <StiggStory seed={splitSeed(args).seed}>
      <Story />
    </StiggStory>
  )
}
