"""Slide decks: reveal-md Markdown decks and decks generated from each month.

Hand-written decks (`content/decks/*.md`) are read like reveal-md reads them,
split into slides, stacks and notes here in Python (as reveal.js's markdown
plugin would split them), rendered by the site's one Markdown renderer with
the deck allow-list, and written with only the reveal.js files they use, so
each deck folder presents offline from a USB stick.

    source.read_deck      file -> DeckSource (front matter, options, body; markings scanned)
    revealconfig.unknown_options  revealOptions -> warnings for keys reveal.js does not read
    split.split_slides    body -> stacks of chunks (slide text, notes text)
    slides.render_slides  chunks -> Slides (sanitised HTML, attributes)
    files.collect         Slides -> the files they refer to, copied relative
    lint.lint_deck        source -> warnings (the deck linter)
    reviewed.read_reviewed  decks.yaml -> the kinds of warning left out, per deck
    monthly.monthly_decks the bulletin model -> one generated Deck per month
    monthslides.Drawer    a month's entries and tables -> its slides, by templates/decks/monthly.html
    siteimages.own_images a month's slides -> the same showing the deck's own copies of the site's images
    ownsite.own_site      a site's deck made on its own -> its links and settings, read alone
    tablepages.table_pages  a month's data table -> what each of its slides shows (tablefit: sizes)
    page.render_deck      Deck -> the files of its output folder
    single.single_file    folder -> one self-contained HTML file
    pdf.print_pdf         folder -> PDF through headless Chromium
    revealmd.hint         reveal-md's command-line options -> what to write here instead
"""
