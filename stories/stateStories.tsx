import type { ReactNode } from 'react'
import { within } from 'storybook/test'
import { StiggStory } from './StiggStory'
import { splitSeed, stiggStateNames, stiggStates, type StiggSeedArgs, type StiggStateName } from './stiggStates'

export type Canvas = ReturnType<typeof within>

/** What a person sees in each state, asserted by that state's `play`. */
export type StateChecks = Record<StiggStateName, (canvas: Canvas) => Promise<void>>

/** One state's story: the seed for that state, and a `play` that checks what it shows. */
export function stateStory(name: StiggStateName, sees: StateChecks) {
  return {
    args: stiggStates[name],
    play: ({ canvasElement }: { canvasElement: HTMLElement }) => sees[name](within(canvasElement)),
  }
}

/**
 * Every state side by side, each in its own labelled region with its own emulator; `play` runs
 * each state's checks inside its region.
 */
export function allStatesStory<Args extends object>(idPrefix: string, sees: StateChecks, renderOne: (rest: Args) => ReactNode) {
  return {
    parameters: { stigg: false, controls: { disable: true } },
    render: (args: Args & Partial<StiggSeedArgs>) => {
      const { rest } = splitSeed(args)
      return (
        <div className="story-grid">
          {stiggStateNames.map((name) => (
            <section key={name} aria-labelledby={`${idPrefix}-${name}`} className="story-cell">
              <h2 id={`${idPrefix}-${name}`}>{name}</h2>
              <StiggStory seed={splitSeed({ ...stiggStates[name] }).seed}>{renderOne(rest)}</StiggStory>
            </section>
          ))}
        </div>
      )
    },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      const canvas = within(canvasElement)
      for (const name of stiggStateNames) {
        await sees[name](within(canvas.getByRole('region', { name })))
      }
    },
  }
}
