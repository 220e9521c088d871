/* A select marked data-autosubmit sends its form when changed (no inline handlers: the CSP allows none). */
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});
