window.onerror = function (message, source, line, column) {
  var box = document.getElementById('script-errors');
  if (box) { box.textContent += message + ' (line ' + line + ', column ' + column + ')' + String.fromCharCode(10); }
  document.body.setAttribute('data-ready', 'error');
  return false;
};
