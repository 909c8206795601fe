namespace Analytics.EndToEnd.Accessibility;

/// <summary>The in-page halves of the keyboard checks; they share the helpers in <see cref="Common"/>.</summary>
internal static class FocusScripts
{
    private const string Common = """
        const describe = e => {
            if (!e || e === document.body) return 'body';
            const text = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + (e.getAttribute('href') ? '[href="' + e.getAttribute('href') + '"]' : '') + (text ? ' "' + text + '"' : '');
        };
        const onScreen = e => {
            const r = e.getBoundingClientRect();
            return r.width >= 1 && r.height >= 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
        };
        const tabbables = () => [...document.querySelectorAll('a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable=false]), [tabindex]')]
            .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]') && e.checkVisibility({ visibilityProperty: true }));
        const inOrAfterMain = e => {
            const main = document.getElementById('main');
            return !!main && !!e && e !== document.body && (main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
        };
        // What shows where focus is: an outline, a shadow, a border or a background. An outline or border that is not
        // drawn (style none or width 0) shows nothing, whatever its other properties say.
        const look = e => {
            const s = getComputedStyle(e);
            const drawn = (style, width, rest) => style === 'none' || style === 'hidden' || parseFloat(width) === 0 ? 'none' : [style, width, ...rest].join(' ');
            const outline = drawn(s.outlineStyle, s.outlineWidth, [s.outlineColor, s.outlineOffset]);
            const border = ['Top', 'Right', 'Bottom', 'Left'].map(side => drawn(s[`border${side}Style`], s[`border${side}Width`], [s[`border${side}Color`]]));
            return [outline, s.boxShadow, ...border, s.backgroundColor].join('|');
        };
        """;

    /// <summary>Every control Tab should reach, in document order, with how each looks without focus.</summary>
    public const string RememberTabbables = "() => {" + Common + """
            const controls = tabbables();
            window.__tabbables = controls;
            window.__unfocused = controls.map(look);
            window.__seen = new Set();
            window.__firstStop = null;
            return controls.map(describe);
        }
        """;

    /// <summary>
    /// Where Tab went: whether focus left the page, came round to the first stop, or came back to one seen before, and
    /// whether the control looks different from when it had no focus. Chromium also stops on scrolling regions that have
    /// no control inside, which the list of controls cannot foresee: those are judged by the outline or shadow they show.
    /// </summary>
    public const string CheckTabStop = "() => {" + Common + """
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return { leftThePage: true, cameRound: false, seenBefore: false, index: -1, description: 'body', focusVisible: true, onScreen: true };
            const cameRound = e === window.__firstStop;
            const seenBefore = window.__seen.has(e);
            window.__firstStop ??= e;
            window.__seen.add(e);
            const index = window.__tabbables.indexOf(e);
            const focused = look(e);
            const focusVisible = index >= 0 ? focused !== window.__unfocused[index] : !focused.startsWith('none|none|');
            return { leftThePage: false, cameRound, seenBefore, index, description: describe(e), focusVisible, onScreen: onScreen(e) };
        }
        """;

    /// <summary>
    /// Puts the keyboard back at the top of the page, as on a fresh load, so the checks do not depend on what ran before:
    /// Tab continues from the last focused node, so focus a node at the very start of the body and take it away again.
    /// </summary>
    public const string StartFromTop = """
        () => {
            document.activeElement?.blur();
            const start = document.createElement('span');
            start.tabIndex = -1;
            document.body.prepend(start);
            start.focus();
            start.remove();
        }
        """;

    /// <summary>Whether the page has neither a control nor a menu: nothing for a skip link to skip.</summary>
    public const string NothingToBypass = "() => {" + Common + """
            return tabbables().length === 0 && !document.querySelector('nav, header');
        }
        """;

    public const string Focused = "() => {" + Common + """
            const e = document.activeElement;
            return {
                description: describe(e), id: e?.id ?? '', href: e?.getAttribute?.('href') ?? '', onScreen: !!e && e !== document.body && onScreen(e),
                inOrAfterMain: inOrAfterMain(e), controlsInOrAfterMain: tabbables().some(inOrAfterMain),
            };
        }
        """;
}
