// The ballot page's only script; everything it does, the page also does without it.
// - Solves the ballot form's proof of work (ALTCHA, SHA-256) while the voter reads, so nobody
//   sees a puzzle. Without it the server counts the ballot and limits that path harder.
// - Counts the ticks as they change and refuses to send too many, with the message beside the
//   submit button and the focus on it (the server says the same after a round trip).
// - Moves the focus to a refusal the server rendered, for browsers that ignore `autofocus`.
// - Offers a "copy" button for the receipt code.
(function () {
  'use strict';

  var error = document.getElementById('ballot-error');
  if (error && !error.hidden) error.focus();

  var copy = document.querySelector('[data-copy]');
  if (copy) {
    var target = document.getElementById(copy.dataset.copy);
    var said = document.querySelector('[data-copy-status]');
    var done = function () { if (said) said.textContent = copy.dataset.copied || ''; };
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var text = target ? target.textContent.trim() : '';
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else if (target) {
        var range = document.createRange();
        range.selectNodeContents(target);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        try { if (document.execCommand('copy')) done(); } catch (e) { /* the code stays selected */ }
      }
    });
  }

  var form = document.getElementById('ballot');
  if (!form) return;
  var max = parseInt(form.dataset.max || '0', 10);
  var boxes = form.querySelectorAll('input[name="pick"]');
  var counter = form.querySelector('[data-count]');
  function ticked() {
    var n = 0;
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) n++;
    return n;
  }
  function count() {
    if (counter) counter.textContent = (counter.dataset.count || '').replace('{n}', String(ticked()));
  }
  for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener('change', count);
  count();

  function tooMany(event) {
    if (!max || ticked() <= max || !error) return false;
    event.preventDefault();
    error.textContent = form.dataset.tooMany || '';
    error.setAttribute('role', 'alert');
    error.hidden = false;
    error.focus();
    return true;
  }

  var field = form.querySelector('input[name="proof"]');
  var status = form.querySelector('[data-proof-status]');
  var canSolve = form.dataset.challenge && window.crypto && crypto.subtle && window.TextEncoder;
  var challenge = null;
  if (canSolve) {
    try { challenge = JSON.parse(form.dataset.challenge); } catch (e) { challenge = null; }
  }
  if (!challenge) {
    form.addEventListener('submit', tooMany);
    return;
  }
  var encoder = new TextEncoder();

  function hex(buffer) {
    var bytes = new Uint8Array(buffer), out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  async function solve() {
    for (var n = 0; n <= challenge.maxnumber; n++) {
      var digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) {
        return btoa(JSON.stringify({
          algorithm: challenge.algorithm, challenge: challenge.challenge, number: n,
          salt: challenge.salt, signature: challenge.signature
        }));
      }
    }
    return '';
  }

  var solving = solve().then(function (payload) { field.value = payload; }, function () {});
  var sending = false;
  form.addEventListener('submit', function (event) {
    if (tooMany(event)) return;
    if (field.value || sending) return;
    event.preventDefault();
    sending = true;
    if (status) status.textContent = status.dataset.working || '';
    solving.then(function () { form.submit(); });
  });
})();
