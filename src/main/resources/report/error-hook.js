function reportScriptError(text) {
  var box = document.getElementById('script-errors');
  if (box) { box.textContent += text + String.fromCharCode(10); }
  document.body.setAttribute('data-ready', 'error');
}
window.onerror = function (message, source, line, column) {
  reportScriptError(message + ' (line ' + line + ', column ' + column + ')');
  return false;
};
// The drill-down draws after its data is unpacked, in a promise: an error there is a rejection, not an onerror.
window.addEventListener('unhandledrejection', function (event) {
  var reason = event.reason;
  reportScriptError('in a promise: ' + (reason && reason.stack ? reason.stack.split(String.fromCharCode(10))[0] : String(reason)));
});
