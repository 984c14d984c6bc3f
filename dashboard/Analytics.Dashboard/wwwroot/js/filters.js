// Filters are GET forms (every view is a URL); choosing a value submits the form so the URL follows at once. One
// listener on the document, so forms patched in by enhanced navigation need no wiring of their own.
document.addEventListener('change', (event) => {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.form && select.form.hasAttribute('data-autosubmit')) {
    if (select.form.requestSubmit) select.form.requestSubmit(); else select.form.submit();
  }
});
