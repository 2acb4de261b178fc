import type { Preview } from '@storybook/react-vite'
import 'react-stigg/styles.css'
import '../stories/stories.css'

const preview: Preview = {
  parameters: {
    // Any axe violation fails the story's test in `npm test`, not just a panel warning.
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
}

export default preview
