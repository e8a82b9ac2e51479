// Leaving a page with typed but unsaved changes asks first: a half-written lesson is not lost by a stray click.
(function () {
    var dirty = false;
    document.addEventListener('input', function (event) {
        if (event.target.form) {
            dirty = true;
        }
    });
    document.addEventListener('submit', function () {
        dirty = false;
    });
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = '';
        }
    });
})();
