// The ballot page's only script; everything it does, the page also does without it.
// - Solves the ballot form's proof of work (ALTCHA, SHA-256) while the voter reads, so nobody
//   sees a puzzle. Without it the server counts the ballot and limits that path harder.
// - Counts the ticks as they change and refuses to send too many, with the message beside the
//   submit button and the focus on it (the server says the same after a round trip).
// - Moves the focus to a refusal the server rendered, for browsers that ignore `autofocus`.
// - Offers a "copy" button for the receipt code.
// - Solves the proof of work of a "me too" (我也要) button, or of a reply's rating form (打分),
//   when it is pressed (both are `form[data-support]` inside a `[data-challenge]`).
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

  var encoder = window.TextEncoder ? new TextEncoder() : null;

  function hex(buffer) {
    var bytes = new Uint8Array(buffer), out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  async function solve(challenge) {
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

  function parsed(text) {
    if (!text || !encoder || !window.crypto || !crypto.subtle) return null;
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  // "Me too" buttons (and a reply's rating form) share one challenge; it is solved when one is
  // pressed (the answer comes back with a fresh page and a fresh challenge).
  var list = document.querySelector('[data-challenge] form[data-support]');
  var shared = list ? parsed(list.closest('[data-challenge]').dataset.challenge) : null;
  if (shared) {
    var supports = document.querySelectorAll('form[data-support]');
    for (var s = 0; s < supports.length; s++) {
      supports[s].addEventListener('submit', function (event) {
        var me = event.currentTarget, proof = me.querySelector('input[name="proof"]');
        if (!proof || proof.value) return;
        event.preventDefault();
        var button = me.querySelector('button');
        if (button) button.disabled = true;
        solve(shared).then(function (payload) { proof.value = payload; me.submit(); },
          function () { me.submit(); });
      });
    }
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
  var challenge = parsed(form.dataset.challenge);
  if (!challenge) {
    form.addEventListener('submit', tooMany);
    return;
  }
  var solving = solve(challenge).then(function (payload) { field.value = payload; }, function () {});
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
