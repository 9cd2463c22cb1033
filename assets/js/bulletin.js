// bulletin.js: progressive enhancement only. Every page works without it.
//
// It starts GOV.UK Frontend's "Exit this page" component (the keyboard
// shortcut and the screen cover) and nothing else. The page loads it only
// when it shows that component, as
//   <script type="module" src=".../bulletin.<hash>.js"
//           data-govuk-frontend=".../govuk-frontend.<hash>.js"></script>
// Both file names carry a content hash, so the address of GOV.UK Frontend is
// read from that attribute rather than written here.

const script = document.querySelector('script[data-govuk-frontend]')
const src = script && script.getAttribute('data-govuk-frontend')

if (src && document.querySelector('[data-module="govuk-exit-this-page"]')) {
  import(new URL(src, document.baseURI).href)
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
