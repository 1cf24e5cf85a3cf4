// Solves the ballot form's proof of work (ALTCHA, SHA-256) while the voter reads, so nobody
// sees a puzzle. Without this script (or without Web Crypto) the form still works: the server
// counts the ballot and limits that path harder.
(function () {
  'use strict';
  var form = document.getElementById('ballot');
  if (!form || !form.dataset.challenge || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
  var field = form.querySelector('input[name="proof"]');
  var status = form.querySelector('[data-proof-status]');
  var challenge;
  try { challenge = JSON.parse(form.dataset.challenge); } catch (e) { return; }
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
    if (field.value || sending) return;
    event.preventDefault();
    sending = true;
    if (status) status.textContent = status.dataset.working || '';
    solving.then(function () { form.submit(); });
  });
})();
