// Setup file of the `dom-graphql-request` project: the whole hooks and components suite again,
// with every <StiggProvider> talking through a graphql-request GraphQLClient instead of the
// built-in fetch transport. Each test's own `url`, `fetch` and `headers` go into the client, so
// the same assertions (requests, errors, retries, aborts) must hold over both transports.
import { GraphQLClient } from 'graphql-request'
import { useRef, useState } from 'react'
import { vi } from 'vitest'
import type { StiggProviderProps } from 'react-stigg'

// Read by test/react/transports.test.tsx, which checks that this substitution really happens.
;(globalThis as { stiggTestTransport?: string }).stiggTestTransport = 'graphql-request'

vi.mock('../../src/react/StiggProvider', async (importOriginal) => {
  const { StiggProvider: BuiltIn } = await importOriginal<typeof import('../../src/react/StiggProvider')>()
  function StiggProvider(props: StiggProviderProps) {
    const latestFetch = useRef(props.fetch)
    latestFetch.current = props.fetch
    const [client] = useState(
      () =>
        props.client ??
        // graphql-request needs an absolute url; the built-in transport resolves it against the page.
        new GraphQLClient(new URL(props.url ?? '', globalThis.location?.href).href, {
          fetch: (input, init) => (latestFetch.current ?? globalThis.fetch)(input, init),
        }),
    )
    const { fetch: _unused, ...rest } = props
    return <BuiltIn {...rest} client={client} />
  }
  return { StiggProvider }
})
