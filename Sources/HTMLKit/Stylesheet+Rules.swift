// The stylesheet's parts, in the order they cascade. Colours are custom properties in `tokens`; everything
// derived from the accent uses `color-mix`, so changing `--accent` alone re-colours the portal.
extension Stylesheet {
    static let tokens = """
        :root {
          --accent: #1f5fbf; --accent-ink: #ffffff;
          --accent-strong: color-mix(in srgb, var(--accent) 80%, #000);
          --accent-wash: color-mix(in srgb, var(--accent) 9%, #fff);
          --ink: #1b2230; --muted: #5a6472; --line: #d6dbe2; --line-strong: #9aa3b0;
          --paper: #ffffff; --wash: #f4f6f9; --header: #1b2230;
          --error: #b3261e; --error-wash: #fdecea; --notice: #1d5fa8; --notice-wash: #e8f0fb;
          --success: #1e6b3a; --success-wash: #e6f4ea; --warning: #8a5300; --warning-wash: #fff4de;
          --radius: 8px; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
          --focus: 0 0 0 3px color-mix(in srgb, var(--accent) 45%, #fff);
          --step--1: .875rem; --step-0: 1rem; --step-1: 1.2rem; --step-2: 1.5rem; --step-3: 1.875rem;
          --tap: 2.75rem; --page: 80rem; --measure: 46rem;
          color-scheme: light;
        }

        """

    static let base = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--wash); color: var(--ink); font-size: var(--step-0); line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        }
        a { color: var(--accent-strong); text-underline-offset: .2em; }
        a:hover { color: var(--ink); }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 0; box-shadow: var(--focus); border-color: var(--accent); }
        main { max-width: var(--page); margin: 0 auto; padding: 1.5rem 1.5rem 2rem; }
        main > p, main > form, main > dl.summary, main > .field, main > .flash, main > nav > p { max-width: var(--measure); }
        h1 { font-size: var(--step-3); line-height: 1.2; margin: .25rem 0 1.25rem; letter-spacing: -.01em; }
        h2 { font-size: var(--step-1); line-height: 1.3; margin: 2rem 0 .75rem; }
        .site-footer { max-width: var(--page); margin: 2rem auto 0; padding: 1rem 1.5rem; color: var(--muted); font-size: var(--step--1); border-top: 1px solid var(--line); }
        .nowrap, .number { white-space: nowrap; }
        .number { font-variant-numeric: tabular-nums; }
        .empty { color: var(--muted); }

        """

    // One row on a desktop: name, navigation, account. On a phone: name and account, then a scrolling strip.
    static let header = """
        .site-header {
          background: var(--header); color: #fff; padding: 0 1.5rem; display: grid; align-items: center;
          grid-template-columns: auto 1fr auto; grid-template-areas: "name nav account"; column-gap: 2rem;
          border-bottom: 3px solid var(--accent);
        }
        .site-header a { color: #fff; }
        .site-name { grid-area: name; font-weight: 700; font-size: var(--step-1); text-decoration: none; white-space: nowrap;
          display: inline-flex; align-items: center; min-height: 3.5rem; }
        .site-header nav { grid-area: nav; min-width: 0; }
        .site-header ul { list-style: none; margin: 0; padding: 0; display: flex; gap: .25rem; }
        .site-header li a {
          display: flex; align-items: center; min-height: var(--tap); padding: 0 .75rem; border-radius: var(--radius);
          text-decoration: none; white-space: nowrap; color: #dfe4ec;
        }
        .site-header li a:hover { background: rgba(255, 255, 255, .1); color: #fff; }
        .site-header a[aria-current="page"] { color: #fff; background: rgba(255, 255, 255, .14); font-weight: 600;
          box-shadow: inset 0 -3px 0 var(--accent-wash); }
        .account { grid-area: account; margin: 0; display: flex; align-items: center; gap: .75rem; min-width: 0; }
        .user-name { color: #c9d1dc; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 16rem; }
        .sign-out { margin: 0; padding: 0; background: none; border: 0; box-shadow: none; }
        .site-header .link-button, .account a {
          display: inline-flex; align-items: center; min-height: var(--tap); padding: 0 .25rem; background: none; border: 0;
          color: #fff; font: inherit; font-weight: 400; text-decoration: underline; cursor: pointer; width: auto;
        }

        """

    static let forms = """
        form { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; box-shadow: var(--shadow); }
        form form, td form, .actions form, form.inline { background: none; border: 0; padding: 0; box-shadow: none; display: inline; }
        form > input[type="hidden"] + h2, form > h2:first-child { margin-top: 0; }
        form + form { margin-top: 1.25rem; }
        .field { margin: 0 0 1.1rem; padding: 0; border: 0; min-width: 0; }
        .field label, .field legend { display: block; font-weight: 600; margin-bottom: .3rem; padding: 0; }
        .field label.choice { font-weight: 400; display: flex; align-items: center; gap: .6rem; min-height: var(--tap); margin: 0; }
        .required { color: var(--error); }
        input:not([type]), input[type="text"], input[type="email"], input[type="password"], input[type="number"],
        input[type="tel"], input[type="url"], input[type="search"], input[type="date"], input[type="datetime-local"],
        input[type="time"], input[type="file"], select, textarea {
          display: block; width: 100%; max-width: 100%; padding: .6rem .75rem; font: inherit; color: inherit; background: #fff;
          border: 1px solid var(--line-strong); border-radius: var(--radius); min-height: var(--tap);
        }
        input[type="number"], input[type="date"], input[type="time"] { max-width: 16rem; font-variant-numeric: tabular-nums; }
        input[readonly] { background: var(--wash); }
        input[type="file"] { padding: .45rem; }
        input[type="file"]::file-selector-button {
          font: inherit; font-weight: 600; margin-right: .75rem; padding: .35rem .9rem; border-radius: calc(var(--radius) - 2px);
          border: 1px solid var(--accent); background: #fff; color: var(--accent-strong); cursor: pointer;
        }
        select { appearance: none; padding-right: 2.25rem; background-repeat: no-repeat; background-position: right .8rem center;
          background-image: linear-gradient(45deg, transparent 50%, var(--muted) 50%), linear-gradient(135deg, var(--muted) 50%, transparent 50%);
          background-size: 5px 5px, 5px 5px; background-position: right 1.1rem center, right .8rem center; }
        input[type="radio"], input[type="checkbox"] { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--accent); flex: none; }
        textarea { resize: vertical; min-height: 6rem; }
        textarea.code, .code textarea, form[action^="/admin/templates/"] textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: var(--step--1); white-space: pre; overflow-x: auto; }
        .has-error input, .has-error select, .has-error textarea { border-color: var(--error); border-width: 2px; }
        .error { color: var(--error); font-weight: 600; margin: .3rem 0 0; }
        .error::before { content: "! "; }
        .hint { color: var(--muted); font-size: var(--step--1); margin: .3rem 0 0; }
        form.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 1rem; max-width: none; padding: 1rem 1.25rem .25rem; }
        form.filters .field { flex: 1 1 12rem; }
        form.filters button { margin-bottom: 1.1rem; }

        """

    static let buttons = """
        button, .button {
          display: inline-flex; align-items: center; justify-content: center; gap: .5rem; min-height: var(--tap);
          padding: .55rem 1.2rem; font: inherit; font-weight: 600; line-height: 1.2; color: var(--accent-ink);
          background: var(--accent); border: 1px solid var(--accent); border-radius: var(--radius); cursor: pointer;
          text-decoration: none; text-align: center;
        }
        button:hover, .button:hover { background: var(--accent-strong); border-color: var(--accent-strong); color: var(--accent-ink); }
        button:disabled, .button[aria-disabled="true"] { opacity: .5; cursor: not-allowed; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent-strong); border-color: var(--line-strong); }
        button.secondary:hover, .button.secondary:hover { background: var(--accent-wash); border-color: var(--accent); color: var(--ink); }
        button.danger, .button.danger, form[action$="/remove"] button, form[action$="/revoke"] button,
        form[action$="/disable"] button, form[action$="/discard"] button {
          background: #fff; color: var(--error); border: 2px solid var(--error);
        }
        button.danger:hover, .button.danger:hover, form[action$="/remove"] button:hover, form[action$="/revoke"] button:hover,
        form[action$="/disable"] button:hover, form[action$="/discard"] button:hover { background: var(--error); color: #fff; }
        .actions { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; margin-top: 1.25rem; }

        """

    static let components = """
        .flash { padding: .8rem 1rem; border-radius: var(--radius); border: 1px solid; border-left-width: 5px; margin: 0 0 1.25rem; font-weight: 500; }
        .flash-notice { background: var(--notice-wash); border-color: var(--notice); }
        .flash-success { background: var(--success-wash); border-color: var(--success); }
        .flash-success::before { content: "✓ "; font-weight: 700; color: var(--success); }
        .flash-error { background: var(--error-wash); border-color: var(--error); }
        .flash-error::before { content: "! "; font-weight: 700; color: var(--error); }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; box-shadow: var(--shadow); }

        .badge {
          display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-size: var(--step--1); font-weight: 600;
          line-height: 1.5; white-space: nowrap; border: 1px solid transparent;
        }
        .badge::before { margin-right: .3em; }
        .badge-pending { background: #fff; color: var(--muted); border: 1px dashed var(--line-strong); font-weight: 500; }
        .badge-active { background: var(--accent-wash); color: var(--accent-strong); border-color: var(--accent); }
        .badge-active::before { content: "●"; }
        .badge-attention { background: var(--warning-wash); color: var(--warning); border: 2px solid var(--warning); font-weight: 700; }
        .badge-attention::before { content: "‖"; }
        .badge-done { background: var(--success); color: #fff; border-color: var(--success); }
        .badge-done::before { content: "✓"; }
        .badge-closed { background: #e4e7ec; color: #39414d; border-color: #e4e7ec; font-weight: 500; }
        .badge-cancelled { background: #fff; color: var(--muted); border-color: var(--line-strong); text-decoration: line-through; font-weight: 500; }

        ol.steps { list-style: none; margin: 0 0 1.25rem; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .5rem;
          counter-reset: step; font-size: var(--step--1); color: var(--muted); }
        ol.steps li { counter-increment: step; }
        ol.steps li::before { content: counter(step) ". "; }
        ol.steps li + li { padding-left: .5rem; border-left: 1px solid var(--line); }
        ol.steps li.current { color: var(--ink); font-weight: 700; }
        ol.steps a { display: inline-flex; align-items: center; min-height: var(--tap); }

        ol.progress { list-style: none; margin: 1.5rem 0; padding: 0; display: grid; grid-auto-columns: 1fr; grid-auto-flow: column; counter-reset: milestone; }
        ol.progress li { position: relative; padding-top: 2.4rem; text-align: center; font-size: var(--step--1); color: var(--muted); counter-increment: milestone; }
        ol.progress li::before {
          content: counter(milestone); position: absolute; top: 0; left: 50%; transform: translateX(-50%); z-index: 1;
          width: 2rem; height: 2rem; border-radius: 50%; display: grid; place-items: center; font-weight: 700;
          background: #fff; border: 2px dashed var(--line-strong); color: var(--muted);
        }
        ol.progress li + li::after { content: ""; position: absolute; top: 1rem; right: 50%; width: 100%; height: 3px; background: var(--line); }
        ol.progress li.done, ol.progress li.current { color: var(--ink); }
        ol.progress li.done::before { content: "✓"; background: var(--accent); border: 2px solid var(--accent); color: #fff; }
        ol.progress li.done::after, ol.progress li.current::after { background: var(--accent); }
        ol.progress li.current { font-weight: 700; }
        ol.progress li.current::before { background: #fff; border: 4px solid var(--accent); color: var(--accent-strong); }
        ol.progress.paused li.current::before { border-style: double; border-color: var(--warning); border-width: 6px; color: var(--warning); }

        ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1.25rem; border-left: 3px solid var(--line); max-width: var(--measure); }
        ol.timeline li { position: relative; padding: 0 0 1.25rem .75rem; }
        ol.timeline li::before {
          content: ""; position: absolute; left: calc(-1.25rem - 9px); top: .35rem; width: 15px; height: 15px; border-radius: 50%;
          background: #fff; border: 3px solid var(--line-strong);
        }
        ol.timeline li.milestone::before { background: var(--accent); border-color: var(--accent); }
        ol.timeline .when { display: block; color: var(--muted); font-size: var(--step--1); white-space: nowrap; font-variant-numeric: tabular-nums; }
        ol.timeline .what { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem .5rem; }
        ol.timeline .detail { margin: .25rem 0 0; }

        dl.summary { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .5rem 1.5rem; margin: 0 0 1.25rem;
          background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; }
        dl.summary dt { font-weight: 600; color: var(--muted); }
        dl.summary dd { margin: 0; overflow-wrap: anywhere; }

        .tracking-result { max-width: var(--measure); margin-bottom: 1.25rem; }
        .tracking-status { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: .75rem 1.5rem; margin: 0; }
        .tracking-status dt { font-size: var(--step--1); color: var(--muted); font-weight: 600; }
        .tracking-status dd { margin: .2rem 0 0; }
        .tracking-status .number { font-size: var(--step-2); font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; letter-spacing: .02em; }
        .tracking-status .badge { font-size: var(--step-1); padding: .3rem 1rem; }
        .tracking-result dl.summary { border: 0; box-shadow: none; padding: 1rem 0 0; margin: 0; border-top: 1px solid var(--line); border-radius: 0; }
        .tracking-result .parcel a { font-weight: 600; white-space: nowrap; }

        """

    static let dataPages = """
        table.data { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--paper);
          border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); margin-bottom: 1.25rem; }
        table.data caption { text-align: left; font-weight: 600; padding: .5rem 0; caption-side: top; }
        table.data th, table.data td { text-align: left; vertical-align: top; padding: .6rem .9rem; border-bottom: 1px solid var(--line); }
        table.data tbody tr:last-child td { border-bottom: 0; }
        table.data tbody tr:hover td { background: #fafbfc; }
        table.data th { background: var(--wash); font-size: var(--step--1); font-weight: 600; color: var(--muted); white-space: nowrap; }
        table.data thead th:first-child { border-top-left-radius: var(--radius); }
        table.data thead th:last-child { border-top-right-radius: var(--radius); }
        table.data td.nowrap, table.data td.number { white-space: nowrap; }
        table.data td.number, table.data th.number { text-align: right; }
        table.data td form { margin: 0; }
        ul.admin-sections { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem;
          grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
        ul.admin-sections li { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
          padding: .5rem 1.25rem 1rem; box-shadow: var(--shadow); color: var(--muted); }
        ul.admin-sections a { display: flex; align-items: center; min-height: var(--tap); font-weight: 600; font-size: var(--step-1); }
        .pager { display: flex; gap: 1rem; }
        .pager a { display: inline-flex; align-items: center; min-height: var(--tap); }

        """

    // Phones: compact header, full-width buttons, and table rows become cards labelled by data-label.
    static let phone = """
        @media (max-width: 40rem) {
          main { padding: 1rem .75rem 1.5rem; }
          h1 { font-size: var(--step-2); margin-bottom: 1rem; }
          .site-header { grid-template-columns: 1fr auto; grid-template-areas: "name account" "nav nav"; padding: 0 .75rem; column-gap: .75rem; }
          .site-name { min-height: var(--tap); }
          .user-name { max-width: 9rem; font-size: var(--step--1); }
          .site-header nav { overflow-x: auto; margin: 0 -.75rem; padding: 0 .5rem; scrollbar-width: none; }
          .site-header ul { gap: 0; }
          .site-header li a { padding: 0 .6rem; }
          form { padding: 1rem; }
          button, .button { width: 100%; }
          .site-header .link-button, td form button { width: auto; }
          .actions { flex-direction: column; align-items: stretch; }
          dl.summary { grid-template-columns: 1fr; gap: 0; padding: .75rem 1rem; }
          dl.summary dd { margin-bottom: .6rem; }
          ol.progress { grid-auto-flow: row; grid-auto-columns: auto; gap: 0; }
          ol.progress li { padding: .35rem 0 .35rem 2.75rem; text-align: left; min-height: 2.6rem; display: flex; align-items: center; }
          ol.progress li::before { left: 0; top: 50%; transform: translateY(-50%); }
          ol.progress li + li::after { top: -50%; right: auto; left: calc(1rem - 1.5px); width: 3px; height: 100%; }
          table.data { border: 0; background: none; box-shadow: none; }
          table.data caption { display: block; width: 100%; }
          table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.data, table.data tbody, table.data tr { display: block; width: 100%; }
          table.data tr { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
            margin-bottom: .6rem; padding: .5rem .75rem; display: grid; grid-template-columns: 1fr 1fr; gap: .1rem .75rem; box-shadow: var(--shadow); }
          table.data tbody tr:hover td { background: none; }
          table.data td { display: block; border: 0; padding: .15rem 0; min-width: 0; overflow-wrap: anywhere; }
          table.data td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
          table.data td:first-child { grid-column: 1 / -1; font-weight: 600; font-size: var(--step-0); }
          table.data td:first-child::before, table.data td.blank, table.data td[data-label=""]::before { display: none; }
          table.data td.wide { grid-column: 1 / -1; }
          table.data td a { display: inline-flex; align-items: center; min-height: var(--tap); }
          table.data td.number { text-align: left; }
          table.data td input[type="checkbox"], table.data td input[type="radio"] { width: var(--tap); height: var(--tap); }
        }
        """
}
