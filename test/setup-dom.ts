import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy*/waitFor give up after 1 s by default; on a shared 2-core CI box a real HTTP round trip
// through proxy and emulator can take longer under load. A pass still returns as soon as it can.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
})
