// The player's keyboard: ← and → open the previous and next lesson (not while typing in a field).
document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) {
        return;
    }
    var link = document.getElementById(event.key === 'ArrowLeft' ? 'previous' : event.key === 'ArrowRight' ? 'next' : '');
    if (link) {
        window.location.href = link.href;
    }
});
