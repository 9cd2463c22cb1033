// bulletin.js: progressive enhancement only. Every page works without it.
//
// It opens every closed <details> while the page prints (paper cannot open
// them; the stylesheet does it where the browser lets CSS), brings a link that
// takes focus inside a table's scrolling box fully into view, makes that box a
// tab stop only while it has something to scroll, and it starts the
// GOV.UK Frontend components a page has: the site navigation's Menu button,
// which folds the links away on a phone, "Exit this page" (the Shift-key
// shortcut and the screen cover), the skip link and buttons. Pages load it
// after GOV.UK Frontend itself:
//   <script type="module" src=".../govuk-frontend.<hash>.js" data-bulletin-govuk-frontend></script>
//   <script type="module" src=".../bulletin.<hash>.js"></script>
// Both file names carry a content hash, so the address of GOV.UK Frontend is
// read from that script element (its resolved `src`) rather than written here.

const script = document.querySelector('script[data-bulletin-govuk-frontend]')
const wanted = [
  ['govuk-service-navigation', 'ServiceNavigation'],
  ['govuk-exit-this-page', 'ExitThisPage'],
  // moves focus to <main> itself, which some screen readers (VoiceOver) need
  ['govuk-skip-link', 'SkipLink'],
  ['govuk-button', 'Button']   // no double submission from a double click
].filter(function (pair) {
  return document.querySelector('[data-module="' + pair[0] + '"]')
})

if (script && script.src && wanted.length) {
  import(script.src)
    .then(function (govuk) {
      if (govuk.isSupported()) {
        wanted.forEach(function (pair) { govuk.createAll(govuk[pair[1]]) })
      }
    })
    .catch(function (error) {
      // Without JavaScript the links stay listed and the exit button is still a
      // plain link away from the page, so a failure here leaves the page usable.
      console.error('bulletin: could not start GOV.UK Frontend', error)
    })
}

// Opened for printing, closed again after, so the reader finds the page as they left it.
let openedForPrint = []
window.addEventListener('beforeprint', function () {
  openedForPrint = Array.from(document.querySelectorAll('details:not([open])'))
  openedForPrint.forEach(function (details) { details.open = true })
})
window.addEventListener('afterprint', function () {
  openedForPrint.forEach(function (details) { details.open = false })
  openedForPrint = []
})

// A wide table scrolls sideways inside its own box (.bulletin-table). Chromium scrolls a
// focused element into such a box only once it is wholly out of sight, so Tab onto a link
// in a later column left it half under the edge (the RAG overview at 320px): the box
// scrolls just far enough to show all of it.
document.addEventListener('focusin', function (event) {
  const target = event.target
  const box = target instanceof Element ? target.closest('.bulletin-table') : null
  if (box && box !== target) {
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }
})

// The box is a tab stop so that a keyboard can scroll it (WCAG 2.1.1), but where the whole
// table fits it had nothing to scroll, and Tab stopped on a large yellow frame for nothing.
// It is a tab stop only while it scrolls, looked at again whenever its width changes (a
// phone turned, the text zoomed). Without this script every box stays a tab stop.
if ('ResizeObserver' in window) {
  const scrolling = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      const box = entry.target
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute('tabindex', '0')
      } else if (document.activeElement !== box) {
        box.removeAttribute('tabindex')
      }
    })
  })
  document.querySelectorAll('.bulletin-table[tabindex]').forEach(function (box) {
    scrolling.observe(box)
  })
}
