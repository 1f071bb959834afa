"""`reportgen review`: a local page where a person accepts, corrects or drops each drafted
entry of a data folder beside its sentence (``state`` what the page shows, ``edits`` how a
change is written, ``server`` the page and its two routes)."""
