// Fetches its data (a same-site JSON call, served through the scraper's guarded client) then renders.
fetch('/assets/nova-sauvage.json')
  .then(function (r) { return r.json(); })
  .then(function (d) {
    var root = document.getElementById('__next');
    var h1 = document.createElement('h1');
    h1.textContent = d.name;
    root.appendChild(h1);
    var meta = document.createElement('meta');
    meta.name = 'description';
    meta.content = d.bio;
    document.head.appendChild(meta);
    d.links.forEach(function (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = href;
      root.appendChild(a);
    });
    // A beacon to a host outside the allow-list: the browser path must block it.
    fetch('https://tracker.example.net/pixel?u=nova').catch(function () {});
  });
