/// The portal's one stylesheet, served at `/static/style.css`: mobile first, system fonts, no JavaScript.
public enum Stylesheet {
    /// Content type to serve it with.
    public static let contentType = "text/css; charset=utf-8"

    /// The stylesheet text.
    public static let css = """
        :root {
          --ink: #1d2430; --muted: #5b6472; --line: #d5dae1; --paper: #ffffff; --wash: #f3f5f8;
          --accent: #1f5fbf; --accent-ink: #ffffff; --error: #b3261e; --error-wash: #fdecea;
          --notice: #1e6b3a; --notice-wash: #e7f5ec; --radius: 6px;
          color-scheme: light;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--wash); color: var(--ink);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
          outline: 3px solid #8ab4f8; outline-offset: 2px;
        }

        .site-header { background: var(--ink); color: #fff; padding: .5rem 1rem; }
        .site-header a { color: #fff; }
        .site-name { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
        .site-header nav { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; margin-top: .25rem; }
        .site-header ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .site-header li a { display: inline-block; padding: .4rem 0; text-decoration: none; }
        .site-header a[aria-current="page"] { text-decoration: underline; text-underline-offset: .3em; }
        .account { margin: 0 0 0 auto; display: flex; align-items: center; gap: .75rem; }
        .user-name { color: #cfd6e0; }
        .sign-out { margin: 0; padding: 0; background: none; border: 0; }
        .link-button {
          background: none; border: 0; padding: .4rem 0; color: #fff; font: inherit; text-decoration: underline;
          cursor: pointer; min-height: auto; width: auto;
        }

        main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        .site-footer { max-width: 48rem; margin: 2rem auto 0; padding: 1rem; color: var(--muted); font-size: .875rem; }

        .flash { padding: .75rem 1rem; border-radius: var(--radius); border-left: 4px solid; margin: 0 0 1rem; }
        .flash-notice { background: var(--notice-wash); border-color: var(--notice); }
        .flash-error { background: var(--error-wash); border-color: var(--error); }

        form { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; }
        .field { margin: 0 0 1rem; padding: 0; border: 0; min-width: 0; }
        .field label, .field legend { display: block; font-weight: 600; margin-bottom: .25rem; padding: 0; }
        .field label.choice { font-weight: 400; display: flex; align-items: center; gap: .5rem; padding: .35rem 0; }
        .required { color: var(--error); }
        input[type="text"], input[type="email"], input[type="password"], input[type="number"], input[type="tel"],
        input[type="search"], input[type="date"], select, textarea {
          display: block; width: 100%; padding: .6rem .7rem; font: inherit; color: inherit; background: #fff;
          border: 1px solid #aab2bf; border-radius: var(--radius); min-height: 2.75rem;
        }
        input[type="radio"], input[type="checkbox"] { width: 1.25rem; height: 1.25rem; margin: 0; }
        textarea { resize: vertical; }
        .has-error input, .has-error select, .has-error textarea { border-color: var(--error); border-width: 2px; }
        .error { color: var(--error); font-weight: 600; margin: .25rem 0 0; }
        .hint { color: var(--muted); font-size: .875rem; margin: .25rem 0 0; }
        button, .button {
          display: inline-block; min-height: 2.75rem; padding: .6rem 1.2rem; font: inherit; font-weight: 600;
          color: var(--accent-ink); background: var(--accent); border: 0; border-radius: var(--radius);
          cursor: pointer; text-decoration: none; text-align: center;
        }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }

        table.data { width: 100%; border-collapse: collapse; background: var(--paper); }
        table.data caption { text-align: left; font-weight: 600; padding: .5rem 0; }
        table.data th, table.data td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid var(--line); }
        table.data th { background: var(--wash); font-size: .875rem; color: var(--muted); }
        .empty { color: var(--muted); }
        ol.steps { list-style: none; margin: 0 0 1rem; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .5rem;
          counter-reset: step; font-size: .9rem; color: var(--muted); }
        ol.steps li { counter-increment: step; }
        ol.steps li::before { content: counter(step) ". "; }
        ol.steps li + li { padding-left: .5rem; border-left: 1px solid var(--line); }
        ol.steps li.current { color: var(--ink); font-weight: 700; }
        dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.summary dt { font-weight: 600; }
        dl.summary dd { margin: 0; }

        /* Phones: full-width buttons, and table rows become cards labelled by data-label. */
        @media (max-width: 40rem) {
          main { padding: .75rem; }
          button, .button { width: 100%; }
          .link-button { width: auto; }
          dl.summary { grid-template-columns: 1fr; }
          dl.summary dd { margin-bottom: .5rem; }
          table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.data, table.data tbody, table.data tr, table.data td { display: block; width: 100%; }
          table.data tr { border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: .75rem; }
          table.data td { border: 0; padding: .35rem .75rem; }
          table.data td::before { content: attr(data-label); display: block; font-size: .8rem; color: var(--muted); }
        }
        """
}
