//! Two screens end to end (issue 9): `tafel room` in one tmux session (the projector) and
//! `tafel run` in another (the facilitator's console), both on one tmux server, both real
//! terminals, both read back from the screen.
//!
//! The room starts first, before any session exists (its sessions directory is not even
//! there yet), and must find the session once it begins. Then: a card drawn, a note shown,
//! a note kept silent and revealed, the warning and the time-up band, the facilitator's
//! process killed with `kill -9` ("de begeleider is even weg" within 5 s, the last state
//! kept) and `tafel resume` (the room follows again), and the end of the session.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::{POLL, Pane, TIMEOUT, Term, sh_quote};

/// Where the console's shell writes the pid of `tafel run` / `tafel resume`.
fn pidfile(dir: &Path) -> PathBuf {
    dir.join("console.pid")
}

/// `tafel ARGS` on the test's sessions, as a shell command line that first writes its pid
/// to the pid file (trusted `args`, put in as they are).
fn tafel_command(term_dir: &Path, sessions: &Path, args: &str) -> String {
    format!(
        r#"sh -c 'echo $$ > "$0"; exec "$@"' {} {} {args} --sessions-dir {}"#,
        sh_quote(&pidfile(term_dir).display().to_string()),
        sh_quote(env!("CARGO_BIN_EXE_tafel")),
        sh_quote(&sessions.display().to_string()),
    )
}

/// The console's command line: the same environment as the room, then `tafel ARGS`; the
/// window stays after tafel has left.
fn console_command(term: &Term, args: &str) -> String {
    format!(
        "TAFEL_CONFIG_DIR={0} TAFEL_CACHE_DIR={0}/cache {1}; echo TAFEL-EXIT=$?.; exec sleep 60",
        sh_quote(&term.config.display().to_string()),
        tafel_command(term.dir.path(), &term.sessions, args),
    )
}

/// The pid of the console's tafel (the pid file is removed before each start).
fn console_pid(term: &Term) -> String {
    let start = Instant::now();
    loop {
        if let Ok(pid) = fs::read_to_string(pidfile(term.dir.path()))
            && !pid.trim().is_empty()
        {
            return pid.trim().to_string();
        }
        assert!(start.elapsed() < TIMEOUT, "no pid file from the console");
        std::thread::sleep(POLL);
    }
}

/// How many rows of `styled` (a `capture-pane -e` screen) are in reverse video in every
/// cell, from the first column over at least `width` cells. (tmux leaves off a row's
/// trailing blanks, also inverted ones: the room's snapshot tests check the full width.)
fn reversed_rows(styled: &str, width: usize) -> usize {
    // The attributes carry over from one row to the next.
    let mut reversed = false;
    let mut count = 0;
    for line in styled.lines() {
        let (mut cells, mut whole) = (0, true);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                cells += 1;
                whole &= reversed;
                continue;
            }
            if chars.next_if_eq(&'[').is_none() {
                continue;
            }
            let mut sequence = String::new();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    if c == 'm' {
                        reversed = sgr_reversed(&sequence, reversed);
                    }
                    break;
                }
                sequence.push(c);
            }
        }
        if whole && cells >= width {
            count += 1;
        }
    }
    count
}

/// Whether reverse video is on after the SGR parameters `params`, from `reversed`.
fn sgr_reversed(params: &str, mut reversed: bool) -> bool {
    let params: Vec<&str> = params.split(';').collect();
    let mut i = 0;
    while i < params.len() {
        match params[i] {
            "" | "0" | "27" => reversed = false,
            "7" => reversed = true,
            // Colours (`38;5;N`, `48;2;R;G;B`): their numbers are no attributes.
            "38" | "48" | "58" => {
                i += if params.get(i + 1) == Some(&"2") {
                    4
                } else {
                    2
                }
            }
            _ => {}
        }
        i += 1;
    }
    reversed
}

/// The journal the console writes, once it is there.
fn journal(term: &Term) -> PathBuf {
    common::tmux::only_journal(&term.sessions)
}

/// Opens a note on the console, types `text` and saves it.
fn save_note(console: &Pane, text: &str) {
    console.keys(&["n"]);
    console.wait_for("Nieuwe notitie");
    console.type_text(text);
    console.wait_for(text);
    console.keys(&["Enter"]);
    console.wait_for_screen(&[text], &["Nieuwe notitie"]);
}

#[test]
fn the_room_follows_the_console_through_a_kill_and_a_resume() {
    let socket = format!("tafel-e2e-{}-room", std::process::id());
    // The first session on the server is the room, as large as a projector's terminal.
    let term = Term::with_script(socket, 120, 35, |_, config, sessions| {
        let setup = common::tmux::private_env(config);
        let command = format!(
            "{} room --sessions-dir {}",
            sh_quote(env!("CARGO_BIN_EXE_tafel")),
            sh_quote(&sessions.display().to_string()),
        );
        (setup, command)
    });
    let room = term.pane("tafel");
    room.wait_for("Er loopt nu geen sessie");
    assert!(
        !term.sessions.exists(),
        "the room made the sessions directory"
    );

    // The facilitator starts the session in a second window and makes it the console.
    let console = term.open_session(
        "console",
        120,
        35,
        &console_command(&term, "run koers-wat --participants 'Anna,Bram' --seed 7"),
    );
    console.wait_for("ronde 1 van 6");
    console.keys(&["c"]);
    console.wait_for_screen(&["CONSOLE · ronde 1 van 6", "Agenda", "einde rond"], &[]);
    room.wait_for_screen(
        &["Inchecken", "ronde 1 van 6", "Beurt: Anna"],
        &["geen sessie"],
    );

    // A card drawn: its title on the console, then on the room (never with a tip).
    console.keys(&["d"]);
    let screen = console.wait_for(" · Koerskaarten · ");
    let heading = screen
        .lines()
        .find(|l| l.contains(" · Koerskaarten · "))
        .expect("the card's heading");
    let title = heading
        .trim_start()
        .split(" · ")
        .next()
        .expect("the card's title")
        .to_string();
    let shown = room.wait_for_screen(&["╭ Koerskaarten · ", &title], &[]);
    assert!(
        !shown.contains("Tip"),
        "no tips on the room screen:\n{shown}"
    );
    assert!(
        !shown.contains("? hulp"),
        "no key hints on the room:\n{shown}"
    );

    // A note as it is saved: the room sees it.
    save_note(&console, "Iedereen is er");
    room.wait_for("• Iedereen is er");

    // Silent writing: the room sees how many, not what.
    console.keys(&["w"]);
    console.wait_for("stil schrijven (o onthult)");
    save_note(&console, "Stil bedacht");
    console.wait_for("Stil bedacht (zaal ziet nog niet)");
    let collected = room.wait_for("nog 1 verzameld, volgt straks");
    assert!(
        !collected.contains("Stil bedacht"),
        "a silent note reached the room:\n{collected}"
    );
    assert!(collected.contains("• Iedereen is er"), "{collected}");
    // The reveal: the batch shows, the count goes.
    console.keys(&["o"]);
    room.wait_for_screen(&["• Stil bedacht", "• Iedereen is er"], &["verzameld"]);

    // The timer restarted and shortened to one minute: the warning on both screens.
    // The first round's length depends on the group (issue 11): read it, then take off
    // whole minutes until less than one is left.
    console.keys(&["r"]);
    let restarted = console.wait_until("the restarted timer", |s| minutes_left(s).is_some());
    let (minutes, seconds) = minutes_left(&restarted).expect("nog M:SS");
    let presses = if seconds == 0 { minutes - 1 } else { minutes };
    for _ in 0..presses {
        console.keys(&["-"]);
    }
    console.wait_for("nog 1 minuut");
    room.wait_for("nog 1 minuut");
    // To zero: the console says it in words, the room shows an inverted full-width band.
    console.keys(&["-"]);
    console.wait_for("DE TIJD IS OM");
    room.wait_until_with("the inverted time-up band", Pane::styled_screen, |styled| {
        reversed_rows(styled, 100) >= 3
    });
    // After a few seconds: the over-time in words.
    let over = room.wait_for("tijd is om");
    assert!(over.contains("• Stil bedacht"), "{over}");

    // The facilitator's process is killed: the room says so within 5 s and keeps the last
    // state.
    let journal = journal(&term);
    let before = fs::read(&journal).expect("read journal");
    let pid = console_pid(&term);
    fs::remove_file(pidfile(term.dir.path())).expect("remove pid file");
    let killed = Instant::now();
    let status = Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -9 {pid} failed");
    let away = room.wait_for("de begeleider is even weg");
    let noticed = killed.elapsed();
    assert!(
        noticed < Duration::from_secs(5),
        "the room noticed only after {noticed:?}"
    );
    for kept in [
        "ronde 1 van 6",
        "• Stil bedacht",
        "• Iedereen is er",
        &title,
    ] {
        assert!(away.contains(kept), "{kept:?} gone from the room:\n{away}");
    }
    assert_eq!(
        fs::read(&journal).expect("read journal"),
        before,
        "the room wrote to the journal"
    );

    // `tafel resume` takes the journal's lock (the room holds none) and the room follows.
    console.respawn(&console_command(&term, "resume"));
    console.wait_for("ronde 1 van 6");
    let back = room.wait_for_screen(&["ronde 1 van 6", "pauze"], &["even weg"]);
    assert!(back.contains("• Stil bedacht"), "{back}");
    console_pid(&term);

    // The end: the room thanks everyone; `q` closes it and the terminal is as it was.
    console.keys(&["q"]);
    console.wait_for("De sessie beëindigen?");
    console.keys(&["j"]);
    console.wait_for("Samenvatting");
    console.keys(&["q"]);
    console.wait_for("TAFEL-EXIT=0.");
    room.wait_for("De sessie is afgerond. Dank je wel!");
    room.keys(&["q"]);
    let (code, all) = term.wait_exit();
    assert_eq!(code, 0, "{all}");
    assert!(all.contains("TTY-RESTORED"), "{all}");
    assert_eq!(term.pane_flag("#{alternate_on}"), "0");
}

#[test]
fn reversed_rows_counts_whole_inverted_rows_only() {
    let styled = "plain\n\x1b[7m\x1b[38;5;7mband one\nband two\x1b[0m\n\x1b[38;5;7mcolour \
                  seven\nhalf \x1b[7mreversed\x1b[27m\n\x1b[1;7mband\n";
    assert_eq!(reversed_rows(styled, 4), 3, "two band rows and the last");
    assert_eq!(reversed_rows(styled, 5), 2, "the last is too narrow");
}

/// "nog 5:59" on a screen, as minutes and seconds.
fn minutes_left(screen: &str) -> Option<(u32, u32)> {
    screen.split("nog ").skip(1).find_map(|rest| {
        let (m, rest) = rest.split_once(':')?;
        let s: String = rest.chars().take(2).collect();
        Some((m.trim().parse().ok()?, s.parse().ok()?))
    })
}
