// Copy buttons for the FHIR request and response on /try; without JavaScript the text is still selectable.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) { return; }
  var block = document.getElementById(button.getAttribute('data-copy'));
  if (!block || !navigator.clipboard) { return; }
  navigator.clipboard.writeText(block.textContent).then(function () {
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  });
});
