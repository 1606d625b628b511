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

// Screening form: show only the questions that apply, as answers change (the server does the same on
// "Show the questions that apply", and drops answers to hidden questions when saving).
const screeningForm = document.querySelector('form [data-when]')?.closest('form')
if (screeningForm) {
  const blocks = [...screeningForm.querySelectorAll('[data-when]')]
  const refresh = screeningForm.querySelector('.reach-refresh')
  if (refresh) refresh.hidden = true
  const valuesOf = (name) =>
    [...screeningForm.elements]
      .filter((el) => el.name === name && !el.closest('[hidden]'))
      .flatMap((el) =>
        el.type === 'radio' || el.type === 'checkbox' ? (el.checked ? [el.value] : []) : el.value ? [el.value] : []
      )
  const holds = (c) => {
    const values = valuesOf(c.question)
    if (c.operator === 'exists') return values.length > 0 === (c.answer === true)
    if (c.operator === '=') return values.includes(c.answer)
    return !values.includes(c.answer)
  }
  const applies = (rules) => rules.every((v) => (v.behavior === 'any' ? v.when.some(holds) : v.when.every(holds)))
  const update = () => {
    // Twice: a question shown in the first pass can open another (helpers → consent → contact details).
    for (let pass = 0; pass < 3; pass++)
      for (const block of blocks) block.hidden = !applies(JSON.parse(block.dataset.when))
  }
  screeningForm.addEventListener('change', update)
  update()
}
