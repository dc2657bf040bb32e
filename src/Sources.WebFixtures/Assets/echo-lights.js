// A tiny "app bundle": the page is empty until this runs.
(function () {
  var root = document.getElementById('root');
  document.title = 'Echo Lights';
  var h1 = document.createElement('h1');
  h1.textContent = 'Echo Lights';
  root.appendChild(h1);
  var bio = document.createElement('p');
  bio.id = 'about';
  bio.textContent = 'Synthpop et bedroom pop, Paris.';
  root.appendChild(bio);
  var links = [
    ['Spotify', 'https://open.spotify.com/artist/nsNJK2n5egrvKTRtCWB4VJ'],
    ['YouTube', 'https://www.youtube.com/channel/UCn1ugXSBk8fJpOyb9KWf2a1'],
    ['Instagram', 'https://www.instagram.com/echo.lights/']
  ];
  links.forEach(function (l) {
    var a = document.createElement('a');
    a.href = l[1];
    a.textContent = l[0];
    root.appendChild(a);
  });
  var mail = document.createElement('a');
  mail.href = 'mailto:booking@echolights.fr';
  mail.textContent = 'Booking';
  root.appendChild(mail);
})();
