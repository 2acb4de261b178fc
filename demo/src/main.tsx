import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'react-stigg/styles.css'
import './demo.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('demo/index.html must contain <div id="root"> for the demo to mount')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
