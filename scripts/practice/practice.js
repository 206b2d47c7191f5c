// The practice page of `npm start` (scripts/start.mjs): each share path a person meets, and what the
// page received, so Go back and Continue can be seen. Nothing is uploaded or kept.
const $ = (id) => document.getElementById(id);

const describeFiles = (files) =>
  files.length === 0
    ? 'The page received nothing.'
    : `The page received ${files.map((f) => `${f.name} (${Math.round(f.size / 1024)} KB)`).join(', ')}.`;

$('picker').addEventListener('change', (event) => {
  $('picker-result').textContent = describeFiles([...event.target.files]);
  event.target.value = '';
});
$('picker').addEventListener('cancel', () => {
  $('picker-result').textContent = 'The picker was closed: the page received nothing.';
});

const zone = $('dropzone');
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  $('drop-result').textContent = describeFiles([...event.dataTransfer.files]);
});

$('composer').addEventListener('paste', (event) => {
  const files = [...event.clipboardData.files];
  if (files.length === 0) return; // text pastes as usual
  event.preventDefault();
  $('paste-result').textContent = describeFiles(files);
});

let stream = null;
const hangUp = () => {
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
  $('preview').hidden = true;
  $('hang-up').hidden = true;
};
$('call').addEventListener('click', async () => {
  hangUp();
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    $('preview').srcObject = stream;
    $('preview').hidden = false;
    $('hang-up').hidden = false;
    await $('preview')
      .play()
      .catch(() => undefined);
    $('call-result').textContent = 'The camera is on.';
  } catch (error) {
    $('call-result').textContent = `The camera stayed off (${error.name}).`;
  }
});
$('hang-up').addEventListener('click', () => {
  hangUp();
  $('call-result').textContent = 'Call ended.';
});

// Messages arrive one by one, a moment apart, as a chat delivers them.
const receive = (texts) =>
  texts.forEach((text, i) =>
    setTimeout(() => {
      const row = document.createElement('p');
      row.className = 'message';
      row.textContent = text;
      $('log').append(row);
    }, 400 * i),
  );
$('receive-threat').addEventListener('click', () =>
  receive([
    'hey',
    'I recorded our whole video call',
    'Pay 300 dollars in the next hour or I send the video to all your followers and your family',
  ]),
);
$('receive-ordinary').addEventListener('click', () =>
  receive([
    'can you send me the photos from the beach?',
    'I will pay you back tomorrow, promise',
    'Don’t forget the 20 euros for the pizza',
  ]),
);

fetch('practice.json')
  .then((response) => response.json())
  .then(({ photos }) => {
    if (photos) $('folder').textContent = photos;
  })
  .catch(() => undefined);
