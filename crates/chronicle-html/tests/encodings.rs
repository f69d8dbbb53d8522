//! Pages in every encoding the web uses, written by the team in each language and turned into
//! bytes here by `encoding_rs`'s encoder: each is read right with a right declaration (in a
//! `<meta>` tag or the HTTP header), with a wrong one, and with none.

use chronicle_html::{PageHints, extract_page};
use encoding_rs::Encoding;

/// One language's story: the encodings it is written in, its title and two paragraphs.
struct Story {
    encodings: &'static [&'static str],
    title: &'static str,
    paragraphs: [&'static str; 2],
}

const STORIES: &[Story] = &[
    Story {
        encodings: &["Shift_JIS", "EUC-JP", "ISO-2022-JP"],
        title: "川の渡し船、最後の運航",
        paragraphs: [
            "川沿いの小さな町で、古い渡し船が先週の日曜日に最後の運航を終えた。町の人々は岸に集まり、百年以上続いた船の旅を見送った。",
            "船頭たちは、潮の流れが読みにくくなり、毎年冬に直してきた古い船体の保険料が運賃では払えなくなったと話した。市は春までに新しいバスの路線を開くと約束している。",
        ],
    },
    Story {
        encodings: &["GBK", "gb18030"],
        title: "河边老渡船的最后一次航行",
        paragraphs: [
            "河边小镇的老渡船上周日完成了最后一次航行。两岸的居民聚集在码头，送别这条运行了一百多年的航线。",
            "船工们说，潮水越来越难判断，每年冬天都要修补的旧船体的保险费已经超过了船票的收入。市政府承诺在春天之前开通新的公交线路。",
        ],
    },
    Story {
        encodings: &["Big5"],
        title: "河邊老渡船的最後一次航行",
        paragraphs: [
            "河邊小鎮的老渡船上週日完成了最後一次航行。兩岸的居民聚集在碼頭，送別這條運行了一百多年的航線。",
            "船工們說，潮水越來越難判斷，每年冬天都要修補的舊船體的保險費已經超過了船票的收入。市政府承諾在春天之前開通新的公車路線。",
        ],
    },
    Story {
        encodings: &["EUC-KR"],
        title: "강 나룻배의 마지막 운항",
        paragraphs: [
            "강가의 작은 마을에서 오래된 나룻배가 지난 일요일 마지막 운항을 마쳤다. 양쪽 마을 주민들은 부두에 모여 백 년 넘게 이어진 뱃길을 배웅했다.",
            "뱃사공들은 물때를 읽기가 점점 어려워졌고, 해마다 겨울이면 고쳐 온 낡은 배의 보험료를 뱃삯으로는 감당할 수 없게 되었다고 말했다. 시는 봄까지 새 버스 노선을 열겠다고 약속했다.",
        ],
    },
    Story {
        encodings: &["KOI8-R", "windows-1251", "ISO-8859-5", "IBM866"],
        title: "Последний рейс старого парома",
        paragraphs: [
            "Старый паром в маленьком городке у реки в прошлое воскресенье совершил свой последний рейс. Жители обоих берегов собрались на пристани, чтобы проводить переправу, которая работала больше ста лет.",
            "Паромщики говорят, что приливы стало труднее предсказывать, а страховка старого корпуса, который латали каждую зиму, теперь стоит дороже, чем приносят билеты. Город обещал открыть новый автобусный маршрут к весне.",
        ],
    },
    Story {
        encodings: &["windows-1253", "ISO-8859-7"],
        title: "Το τελευταίο δρομολόγιο του πορθμείου",
        paragraphs: [
            "Το παλιό πορθμείο της μικρής πόλης δίπλα στο ποτάμι έκανε την τελευταία του διαδρομή την περασμένη Κυριακή. Οι κάτοικοι των δύο οχθών μαζεύτηκαν στην αποβάθρα για να το αποχαιρετήσουν.",
            "Οι βαρκάρηδες λένε ότι η παλίρροια έγινε πιο δύσκολη να προβλεφθεί και ότι η ασφάλεια του παλιού σκάφους κοστίζει πια περισσότερο από όσα φέρνουν τα εισιτήρια. Ο δήμος υποσχέθηκε νέα λεωφορειακή γραμμή ως την άνοιξη.",
        ],
    },
    Story {
        encodings: &["ISO-8859-2", "windows-1250"],
        title: "Ostatni rejs starego promu",
        paragraphs: [
            "Stary prom w małym miasteczku nad rzeką odbył w zeszłą niedzielę swój ostatni rejs. Mieszkańcy obu brzegów zebrali się na przystani, żeby pożegnać przeprawę, która działała ponad sto lat.",
            "Przewoźnicy mówią, że pływy coraz trudniej przewidzieć, a ubezpieczenie starego kadłuba, łatanego każdej zimy, kosztuje więcej, niż przynoszą bilety. Miasto obiecało uruchomić nową linię autobusową do wiosny.",
        ],
    },
    Story {
        encodings: &["windows-1252", "ISO-8859-15"],
        title: "La dernière traversée du vieux bac",
        paragraphs: [
            "Le vieux bac de la petite ville au bord du fleuve a effectué sa dernière traversée dimanche dernier. Les habitants des deux rives se sont réunis sur le quai pour dire adieu à une liaison centenaire.",
            "Les passeurs expliquent que les marées sont devenues plus difficiles à prévoir et que l'assurance de la vieille coque, réparée chaque hiver, coûte désormais plus cher que ce que rapportent les billets. La mairie a promis une nouvelle ligne d'autobus avant le printemps.",
        ],
    },
    Story {
        encodings: &["windows-1254"],
        title: "Eski vapurun son seferi",
        paragraphs: [
            "Nehir kıyısındaki küçük kasabanın eski vapuru geçen pazar son seferini yaptı. İki kıyının sakinleri, yüz yılı aşkın süredir çalışan bu geçidi uğurlamak için iskelede toplandı.",
            "Kayıkçılar, gelgitin artık daha zor tahmin edildiğini ve her kış yamanan eski teknenin sigortasının biletlerin getirdiğinden daha pahalıya mal olduğunu söylüyor. Belediye bahara kadar yeni bir otobüs hattı açma sözü verdi.",
        ],
    },
    Story {
        encodings: &["windows-1255", "ISO-8859-8"],
        title: "ההפלגה האחרונה של המעבורת",
        paragraphs: [
            "המעבורת הישנה של העיירה הקטנה שליד הנהר יצאה ביום ראשון שעבר להפלגתה האחרונה. תושבי שתי הגדות התאספו ברציף כדי להיפרד מהמעבר שפעל יותר ממאה שנה.",
            "המשיטים אומרים שקשה יותר לחזות את הגאות, ושהביטוח של הסירה הישנה, שתוקנה בכל חורף, עולה היום יותר ממה שהכרטיסים מכניסים. העירייה הבטיחה קו אוטובוס חדש עד האביב.",
        ],
    },
    Story {
        encodings: &["windows-1256"],
        title: "الرحلة الأخيرة للعبارة القديمة",
        paragraphs: [
            "قامت العبارة القديمة في البلدة الصغيرة على ضفة النهر برحلتها الأخيرة يوم الأحد الماضي. وتجمع سكان الضفتين على الرصيف لوداع المعبر الذي عمل أكثر من مئة عام.",
            "ويقول المراكبية إن توقع المد أصبح أصعب، وإن تأمين الهيكل القديم الذي يرمم كل شتاء صار يكلف أكثر مما تجلبه التذاكر. ووعدت البلدية بخط حافلات جديد قبل الربيع.",
        ],
    },
];

fn encoding(label: &str) -> &'static Encoding {
    Encoding::for_label(label.as_bytes()).unwrap_or_else(|| panic!("{label} is a WHATWG label"))
}

/// The page's bytes in `enc`, declaring `declared` in a `<meta>` tag (or nothing).
fn page_bytes(story: &Story, enc: &'static Encoding, declared: Option<&str>) -> Vec<u8> {
    let decl = declared.map_or(String::new(), |d| format!("<meta charset=\"{d}\">"));
    let html = format!(
        "<!doctype html><html><head>{decl}<title>{t}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{t}</h1><p>{p0}</p><p>{p1}</p></article>\
         <footer><p>© Ferry Gazette</p></footer></body></html>",
        t = story.title,
        p0 = story.paragraphs[0],
        p1 = story.paragraphs[1],
    );
    let (bytes, used, _) = enc.encode(&html);
    assert_eq!(used, enc, "{} encodes itself", enc.name());
    // The story itself is written in the encoding (only the footer's © may become a reference).
    for text in story.paragraphs.iter().chain([&story.title]) {
        assert!(
            !enc.encode(text).2,
            "{}: {text} has unmappable characters",
            enc.name()
        );
    }
    bytes.into_owned()
}

/// Labels that lie about a page in `enc`: UTF-8, one of another script, one of the same script.
fn wrong_labels(story: &Story, enc: &'static Encoding) -> Vec<&'static str> {
    let mut wrong = vec!["utf-8"];
    wrong.push(
        if enc.name() == "windows-1252" || enc.name() == "ISO-8859-15" {
            "windows-1251"
        } else {
            "windows-1252"
        },
    );
    wrong.extend(
        story
            .encodings
            .iter()
            .copied()
            .filter(|&l| encoding(l) != enc)
            .take(1),
    );
    wrong
}

fn check(what: &str, story: &Story, bytes: &[u8], hints: &PageHints<'_>) {
    let page = extract_page(bytes, hints);
    let body = page.body.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in story.paragraphs {
        assert!(
            body.contains(p),
            "{what}: paragraph lost or garbled:\n{body}"
        );
    }
    assert!(
        !body.contains('\u{FFFD}'),
        "{what}: replacement characters:\n{body}"
    );
    assert_eq!(page.title.as_deref(), Some(story.title), "{what}: title");
}

#[test]
fn right_declaration_in_meta() {
    for story in STORIES {
        for &label in story.encodings {
            let enc = encoding(label);
            let bytes = page_bytes(story, enc, Some(label));
            check(
                &format!("{label} declared"),
                story,
                &bytes,
                &PageHints::default(),
            );
        }
    }
}

#[test]
fn right_declaration_in_the_http_header_beats_a_wrong_meta() {
    for story in STORIES {
        for &label in story.encodings {
            let enc = encoding(label);
            let bytes = page_bytes(story, enc, Some("utf-8"));
            let hints = PageHints {
                url: None,
                http_charset: Some(label),
            };
            check(&format!("{label} in HTTP"), story, &bytes, &hints);
        }
    }
}

#[test]
fn no_declaration() {
    for story in STORIES {
        for &label in story.encodings {
            let bytes = page_bytes(story, encoding(label), None);
            check(
                &format!("{label} undeclared"),
                story,
                &bytes,
                &PageHints::default(),
            );
        }
    }
}

#[test]
fn wrong_declaration() {
    for story in STORIES {
        for &label in story.encodings {
            let enc = encoding(label);
            for wrong in wrong_labels(story, enc) {
                let bytes = page_bytes(story, enc, Some(wrong));
                check(
                    &format!("{label} declared as {wrong}"),
                    story,
                    &bytes,
                    &PageHints::default(),
                );
            }
        }
    }
}

#[test]
fn utf8_declared_as_legacy_and_byte_order_marks() {
    let story = &STORIES[0];
    // UTF-8 bytes under a legacy label: the bytes win.
    for wrong in ["Shift_JIS", "windows-1252", "KOI8-R"] {
        let bytes = page_bytes(story, encoding("utf-8"), Some(wrong));
        check(
            &format!("UTF-8 declared as {wrong}"),
            story,
            &bytes,
            &PageHints::default(),
        );
    }
    // A byte-order mark beats any label.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(page_bytes(story, encoding("utf-8"), Some("EUC-JP")));
    check("UTF-8 BOM", story, &bytes, &PageHints::default());
    let html = String::from_utf8(page_bytes(story, encoding("utf-8"), None)).expect("utf-8");
    for (bom, big_endian) in [(&b"\xFF\xFE"[..], false), (&b"\xFE\xFF"[..], true)] {
        let mut bytes = bom.to_vec();
        for u in html.encode_utf16() {
            bytes.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        check("UTF-16 BOM", story, &bytes, &PageHints::default());
    }
}

#[test]
fn a_few_stray_bytes_keep_a_utf8_page_utf8() {
    // A long UTF-8 page with one pasted Windows-1252 quote stays UTF-8 (not re-read whole).
    let story = &STORIES[4];
    let mut bytes = page_bytes(story, encoding("utf-8"), Some("utf-8"));
    let at = bytes.len() - 30;
    bytes.splice(at..at, b" \x93quoted\x94 ".iter().copied());
    let page = extract_page(&bytes, &PageHints::default());
    assert!(page.body.contains(story.paragraphs[0]), "{}", page.body);
}

#[test]
fn the_url_domain_helps_detection() {
    // Short undeclared Japanese text: the .jp domain of the URL is a hint.
    let story = &STORIES[0];
    let bytes = page_bytes(story, encoding("EUC-JP"), None);
    let hints = PageHints {
        url: Some("https://ferry.example.jp/news/1"),
        http_charset: None,
    };
    check("EUC-JP from .jp", story, &bytes, &hints);
}
