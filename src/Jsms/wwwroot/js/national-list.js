// National list import: pick a list (or name a new one), preview the uploaded CSV or .xlsx with the chosen column mapping,
// then import it as that list's next version (same file, same mapping). The rescreen runs in the background.
(function () {
    const form = document.getElementById('national-form');
    if (!form) return;
    const fileInput = form.querySelector('input[name=file]');
    const mapping = document.getElementById('national-mapping');
    const problems = document.getElementById('national-problems');
    const preview = document.getElementById('national-preview');
    const importButton = document.getElementById('national-import');
    const result = document.getElementById('national-result');
    const token = form.querySelector('input[name=__RequestVerificationToken]').value;
    const selects = Array.from(form.querySelectorAll('select[data-field]'));
    const listSelect = form.querySelector('select[name=listId]');
    const newName = document.getElementById('national-new-name');

    function formData(withMapping) {
        const data = new FormData();
        data.append('file', fileInput.files[0]);
        if (listSelect.value) data.append('listId', listSelect.value);
        else data.append('listName', form.querySelector('input[name=listName]').value);
        if (withMapping) selects.forEach(s => { if (s.value) data.append(s.dataset.field, s.value); });
        return data;
    }

    async function post(url, data) {
        const response = await fetch(url, { method: 'POST', body: data, headers: { 'RequestVerificationToken': token }, credentials: 'same-origin' });
        const body = await response.json().catch(() => ({}));
        return { ok: response.ok, body };
    }

    function text(tag, value) { const e = document.createElement(tag); e.textContent = value ?? ''; return e; }

    function showProblems(list) {
        problems.replaceChildren(...list.map(p => text('div', p)));
    }

    function errorsOf(body) {
        return body.errors ? Object.values(body.errors).flat() : [body.detail || body.title || 'The request failed.'];
    }

    function render(dto) {
        mapping.hidden = false;
        selects.forEach(s => {
            const chosen = dto.mapping[s.dataset.field];
            s.replaceChildren(text('option', '(none)'), ...dto.headers.map(h => { const o = text('option', h); o.value = h; return o; }));
            s.options[0].value = '';
            s.value = chosen || '';
        });
        const table = document.createElement('table');
        table.dataset.testid = 'preview-table';
        const head = document.createElement('tr');
        ['line', 'id', 'name', 'type', 'aliases', 'born', 'nationality', 'identifiers', 'reason'].forEach(h => head.append(text('th', h)));
        table.append(head);
        dto.rows.forEach(r => {
            const tr = document.createElement('tr');
            [r.line, r.sourceId, r.name, r.type, r.aliases.join('; '), r.birthDates.join('; '), r.nationalities.join('; '), r.identifiers.join('; '), r.reason]
                .forEach(v => tr.append(text('td', v)));
            table.append(tr);
        });
        preview.replaceChildren(text('p', `${dto.rowCount} row(s); the first ${dto.rows.length} as read with this mapping:`), table);
        showProblems(dto.problems);
        importButton.disabled = dto.problems.length > 0 || dto.rows.length === 0;
    }

    async function refresh(withMapping) {
        result.hidden = true;
        if (!fileInput.files.length) return;
        const { ok, body } = await post('/api/screening/national/preview', formData(withMapping));
        if (ok) render(body); else { showProblems(errorsOf(body)); importButton.disabled = true; }
    }

    listSelect.addEventListener('change', () => { newName.style.display = listSelect.value ? 'none' : ''; refresh(true); });
    fileInput.addEventListener('change', () => refresh(false));
    selects.forEach(s => s.addEventListener('change', () => refresh(true)));
    importButton.addEventListener('click', async () => {
        importButton.disabled = true;
        const { ok, body } = await post('/api/screening/national/import', formData(true));
        if (ok) {
            result.hidden = false;
            result.textContent = body.unchanged
                ? `Identical to version ${body.number}: nothing imported.`
                : `${body.label}: ${body.entryCount} entries (+${body.added} −${body.removed} ~${body.changed}). A rescreen of the watchlists is queued; reload to see it below.`;
        } else {
            showProblems(errorsOf(body));
        }
    });
})();
