"""A small table of well-known dated events, operations and wars, with the year each began or happened.

Used to pin a publication year the text implies ("14 years after the U.S. launched Operation Enduring
Freedom", "the 20th anniversary of the Srebrenica massacre"). Each entry is (year, names); a name is
matched as a phrase, case-insensitively, inside the few words after "after/since/anniversary of".
Only events with one clear year belong here (a multi-year war is listed by its start only when the
phrase names the start: "invasion", "launch", "outbreak").
"""

from __future__ import annotations

KNOWN_EVENTS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1941, ("pearl harbor",)),
    (1944, ("d-day", "normandy landings")),
    (1945, ("hiroshima", "nagasaki", "end of world war ii", "end of the second world war", "end of wwii")),
    (1948, ("founding of israel", "creation of israel", "nakba")),
    (1950, ("outbreak of the korean war", "start of the korean war")),
    (1962, ("cuban missile crisis",)),
    (1963, ("assassination of john f. kennedy", "kennedy assassination", "jfk assassination")),
    (1967, ("six-day war", "six day war")),
    (1969, ("moon landing", "apollo 11")),
    (1973, ("yom kippur war",)),
    (1978, ("camp david accords",)),
    (
        1979,
        ("iranian revolution", "islamic revolution", "soviet invasion of afghanistan", "iran hostage crisis"),
    ),
    (1986, ("chernobyl",)),
    (1988, ("lockerbie",)),
    (
        1989,
        ("fall of the berlin wall", "berlin wall fell", "tiananmen", "soviet withdrawal from afghanistan"),
    ),
    (
        1990,
        (
            "iraqi invasion of kuwait",
            "invasion of kuwait",
            "german reunification",
            "reunification of germany",
        ),
    ),
    (
        1991,
        (
            "operation desert storm",
            "gulf war",
            "first gulf war",
            "collapse of the soviet union",
            "dissolution of the soviet union",
            "fall of the soviet union",
        ),
    ),
    (1993, ("oslo accords", "battle of mogadishu", "black hawk down", "first world trade center bombing")),
    (1994, ("rwandan genocide", "genocide in rwanda", "genocide against the tutsi")),
    (1995, ("srebrenica", "dayton accords", "dayton agreement", "oklahoma city bombing")),
    (1998, ("good friday agreement", "embassy bombings in kenya and tanzania", "u.s. embassy bombings")),
    (1999, ("kosovo war", "nato bombing of yugoslavia")),
    (2000, ("uss cole",)),
    (
        2001,
        (
            "operation enduring freedom",
            "9/11",
            "sept. 11",
            "september 11",
            "september 11th",
            "attacks of sept. 11",
            "twin towers",
            "invasion of afghanistan",
            "war in afghanistan began",
            "tora bora",
            "fall of the taliban",
        ),
    ),
    (2002, ("bali bombing", "guantanamo bay opened", "operation anaconda")),
    (
        2003,
        (
            "operation iraqi freedom",
            "invasion of iraq",
            "iraq invasion",
            "fall of saddam hussein",
            "fall of baghdad",
            "iraq war began",
        ),
    ),
    (2004, ("madrid train bombings", "beslan", "abu ghraib", "indian ocean tsunami")),
    (2005, ("7/7 bombings", "london bombings", "hurricane katrina")),
    (2006, ("second lebanon war", "execution of saddam hussein")),
    (
        2008,
        ("mumbai attacks", "operation cast lead", "collapse of lehman brothers", "global financial crisis"),
    ),
    (2009, ("operation rah-e-nijat",)),
    (
        2011,
        (
            "arab spring",
            "killing of osama bin laden",
            "death of osama bin laden",
            "bin laden raid",
            "operation neptune spear",
            "syrian civil war",
            "syrian uprising",
            "fukushima",
            "fall of gaddafi",
            "fall of qaddafi",
        ),
    ),
    (2012, ("benghazi attack", "attack in benghazi")),
    (2013, ("boston marathon bombing", "westgate mall", "operation serval")),
    (
        2014,
        (
            "annexation of crimea",
            "fall of mosul",
            "operation inherent resolve",
            "operation protective edge",
            "chibok",
            "declared a caliphate",
            "declaration of the caliphate",
        ),
    ),
    (2015, ("charlie hebdo", "bataclan", "garissa university")),
    (2016, ("brexit referendum", "brussels bombings")),
    (2017, ("rohingya exodus", "manchester arena bombing")),
    (2019, ("christchurch mosque", "easter sunday bombings", "fall of baghouz")),
    (2020, ("doha agreement",)),
    (2021, ("fall of kabul", "taliban takeover", "u.s. withdrawal from afghanistan", "january 6", "jan. 6")),
    (2022, ("russian invasion of ukraine", "full-scale invasion of ukraine", "russia invaded ukraine")),
    (2023, ("october 7 attack", "oct. 7 attack", "hamas attack on israel")),
)
