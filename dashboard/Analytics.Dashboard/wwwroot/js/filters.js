// Filters are GET forms (every view is a URL); choosing a value submits the form so the URL follows at once.
for (const select of document.querySelectorAll('form[data-autosubmit] select')) {
  select.addEventListener('change', () => select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit());
}
