// bulletin.js: progressive enhancement only. Every page works without it.
//
// It starts GOV.UK Frontend's "Exit this page" component (the Shift-key
// shortcut and the screen cover) and nothing else. Pages load it only when
// they show that component, after GOV.UK Frontend itself:
//   <script type="module" src=".../govuk-frontend.<hash>.js" data-bulletin-govuk-frontend></script>
//   <script type="module" src=".../bulletin.<hash>.js"></script>
// Both file names carry a content hash, so the address of GOV.UK Frontend is
// read from that script element (its resolved `src`) rather than written here.

const script = document.querySelector('script[data-bulletin-govuk-frontend]')

if (script && script.src && document.querySelector('[data-module="govuk-exit-this-page"]')) {
  import(script.src)
    .then(function (govuk) {
      if (govuk.isSupported()) {
        govuk.createAll(govuk.ExitThisPage)
      }
    })
    .catch(function (error) {
      // Without JavaScript the button is still a plain link away from the
      // page, so a failure here leaves the page usable.
      console.error('bulletin: could not start Exit this page', error)
    })
}
