// Progressive enhancement only: every journey works without this file.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('nhsuk-frontend-supported')
initAll()

// Print buttons: hidden without JavaScript (the browser's own print works the same), shown and wired here.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
