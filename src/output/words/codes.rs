//! What each check code means, in Swedish and English: `allocate explain` says it, and the
//! README's table of codes is checked against the English. A finding's severity is named here
//! too, as every finding's header shows it.

use crate::core::check::registry::Stage;
use crate::core::finding::{Code, Severity};
use crate::core::followup::UsageCode;
use crate::output::lang::Lang;

/// What `code` means.
pub fn about(code: Code, lang: Lang) -> &'static str {
    match code {
        Code::Syntax => lang.pick(
            "filen är inte giltig TOML, sagt med vanliga ord: ett citattecken eller en lista som inte avslutas (en text eller lista utan sina avslutande citattecken eller `]` sägs där de hör hemma, med raden där den börjar och den första raden av planen som den tagit med sig), ett kommatecken som saknas, typografiska citattecken `”…”`, en nyckel eller `[tabell]` två gånger (med raden där den står först), en punktad nyckel under en nyckel som redan har ett värde (`unit.x = 2` efter `unit = 1`) eller som lägger till i en tabell skriven inom `{ }`, en rad ur ett kalkylark eller en JSON-fil i stället för TOML, ett tal med en inledande nolla (`code = 0114`, med åtgärden att skriva det som text), en vagnretur utan radmatning (radslut för gamla Mac: spara filen med LF eller CRLF)",
            "the file is not valid TOML, said in plain words: an unclosed quote or list (a text or a list without its closing quotes or `]` is told where they belong, with the line it opens on and the first line of the plan it took in), a missing comma, typographic quotes `”…”`, a key or `[table]` given twice (with the line of the first), a dotted key under a key that already has a value (`unit.x = 2` after `unit = 1`) or adding to a table written inside `{ }`, a spreadsheet row or a JSON file instead of TOML, a number with a leading zero (`code = 0114`, with the hint to write it as text), a carriage return without a line feed (old Mac line ends: save the file with LF or CRLF)",
        ),
        Code::UnknownKey => lang.pick(
            "en nyckel som formatet inte har; föreslår den närmaste",
            "a key the format does not have; suggests the nearest one",
        ),
        Code::UnknownValue => lang.pick(
            "till exempel en aktörstyp (`kind`) som inte finns; föreslår den närmaste",
            "e.g. an actor `kind` that does not exist; suggests the nearest one",
        ),
        Code::WrongType => lang.pick(
            "till exempel ett belopp som text som inte är ett tal `\"ca 3 mkr\"`, med mellanslag och utan citattecken `12 689 898`, som decimaltal (ett TOML-flyttal: `481600.5`) eller med decimalkomma utan citattecken `481600,50`, med punkt eller komma före tre siffror `\"250.000\"` (tusental eller decimaler?), inklistrat ur Word, PDF eller Excel (`−7 877`, `1,350,000`, `1.350.000`, `1350000:-`, med förslag på hur det skrivs); en folkmängd som decimaltal (`5150.0`, och `5.150` där punkten troligen skiljer tusental); `[[plan]]` i stället för `[plan]`; ett datum där ett tal ska stå; en kommunkod som inte är fyra siffror (`\"238\"`) eller skriven som ett tal som tappat sin nolla (`114`, med åtgärden `\"0114\"`); ett id med mellanslag före eller efter (`\"1.3 \"`); ett id eller namn med ett tecken som inte syns (`\"Åre\\u200b\"`, ett nollbrett mellanslag); var och en med en åtgärd efter den typ som förväntas, med värdet skrivet rätt där det går (`\"2026-12-01\"` → `2026-12-01`, `2026.0` → `2026`, en procentsats `2.0` → `\"2,0\"`, `[\"1\"]` → `[1]`)",
            "e.g. an amount as text that is not a number `\"ca 3 mkr\"`, with spaces and no quotes `12 689 898`, as a decimal number (a TOML float: `481600.5`) or with a decimal comma and no quotes `481600,50`, with a point or comma before three digits `\"250.000\"` (thousands or decimals?), pasted from Word, PDF or Excel (`−7 877`, `1,350,000`, `1.350.000`, `1350000:-`, with the TOML to write); a population count as a decimal number (`5150.0`, and `5.150` whose point likely separates thousands); `[[plan]]` for `[plan]`; a date where a number belongs; a kommunkod that is not four digits (`\"238\"`) or written as a number that lost its zero (`114`, with the hint `\"0114\"`); an id with spaces around it (`\"1.3 \"`); an id or name with a character that does not show (`\"Åre\\u200b\"`, a zero-width space); each with a hint by the type expected, with the value in the right form where it has one (`\"2026-12-01\"` → `2026-12-01`, `2026.0` → `2026`, a percentage `2.0` → `\"2,0\"`, `[\"1\"]` → `[1]`)",
        ),
        Code::MissingField => lang.pick(
            "en obligatorisk nyckel saknas, eller en text är tom eller bara blanksteg (`name = \"\"`: länet, ett område, en aktör, kommun, nyckel, insats eller rubrik; en text som får utelämnas men ges tom: `reference = \"\"` gav en tom referenskod på varje faktura), eller en nyckels `file = \"\"`",
            "a required key is missing, or a text is empty or only spaces (`name = \"\"`: the county, an area, actor, kommun, key, insats or heading; a text that may be left out but is given empty: `reference = \"\"` gave a blank reference code on every invoice), or a key's `file = \"\"`",
        ),
        Code::OutOfRange => lang.pick(
            "ett tal för stort för en plan (ett belopp över 9 223 372 036 854 775 807 kr, som tal eller som text; en procentsats med mer än 28 siffror) eller utanför nyckelns område (ett negativt områdesnummer; ett år eller en `precision` bortom ett heltal, hur lång den än är, anges med sina egna gränser: ett årtal mellan 1000 och 9998, 0 till 10 decimaler; ett för stort nummer på ett område eller fokusområde, som de numreras i beslutet); ett tal för stort för en annan nyckel anger det största tillåtna",
            "a number too large for a plan (an amount beyond 9,223,372,036,854,775,807 kr, as a number or as text; a percentage beyond 28 digits) or outside its key's range (a negative area number; a year or a `precision` beyond a whole number, of any length, is told by its own limits: a year between 1000 and 9998, 0 to 10 decimals; an area or focus area number too large, as numbered in the decision); a number too large for another key says the largest it may be",
        ),
        Code::ReadError => lang.pick(
            "filen saknas, är en mapp, är större än gränsen (vägras innan den läses), är inte UTF-8 (raden visas, med en markering under det första ogiltiga tecknet), är UTF-16 eller inte text alls (en Excel-, Word- eller PDF-fil, annan binär fil: nolltecken bland byte som inte är UTF-8-text, eller bland många styrtecken; ett enstaka nolltecken i en textfil anges där det står, `Korpus<U+0000>plan` på sin rad och kolumn), eller är en annan av arbetets filer angiven som plan (en befolkningsfil från SCB, en årsblankett, en webbsida: sagd som vad den är, med var den hör hemma), eller inte en vanlig fil (en namngiven pipe, en enhet; vägras utan att öppnas); andra fel från operativsystemet med ord (länkar som bildar en slinga, ett för långt namn, för många öppna filer), aldrig bara ett felnummer",
            "the file is missing, a directory, larger than the limit (refused before it is read), not UTF-8 (shows the line, with a caret under the first bad byte), UTF-16, or not text at all (an Excel, Word or PDF file, other binary: NUL bytes among bytes that are not UTF-8 text, or among many control characters; a stray NUL in a text file is told where it stands, `Korpus<U+0000>plan` at its line and column), or another file of the work given as the plan (a population file from SCB, a year-end form, a web page: named as what it is, with where it belongs), or not a regular file (a named pipe, a device; refused without opening it); any other error of the operating system in words (a loop of symbolic links, a name too long, too many open files), never only its number",
        ),
        Code::NotDecimal => lang.pick(
            "ett heltal skrivet i en annan talbas än 10 (`0x10`, `0o20`, `0b10000`), var som helst i planen: TOML läser det (som 16), men ingen som läser planen gör det; åtgärden anger talet med vanliga siffror",
            "a whole number written in another base than 10 (`0x10`, `0o20`, `0b10000`), anywhere in the plan: TOML reads it (as 16), but no one reading the plan would; the hint gives the number in ordinary digits",
        ),
        Code::DuplicateId => lang.pick(
            "två områden, aktörer, kommuner, nycklar, insatser, rubriker eller fokusområden har samma id, eller två varav-poster i ett område",
            "two areas, actors, kommuner, keys, insatser, headings or focus areas share an id, or two earmarks of one area",
        ),
        Code::UnknownReference => lang.pick(
            "ett område, en aktör, nyckel, kommun, varav-post, ett fokusområde, en rubrik eller insats som inte är definierad; föreslår den närmaste (en aktör också efter sitt namn: `folkhälsan` för `fhe`, Folkhälsoenheten; efter sitt id eller namn med andra versaler eller utan å, ä och ö: `KOMMUNERNA` och `Lanets kommuner` för `kommunerna`; för planens första 100 okända namn); ett okänt aktörs-id föreslår också de aktörer som inget i planen nämner, eftersom en av dem kan ha fått nytt id; en varav-post i ett annat område än insatsens anges med sitt område; en kommun skriven med namnet på en kommun och koden för en annan (`Berg (2380)`) anges med båda; ett kommunnamn som är det SCB ger en kommuns kod (`Ragunda` för 2303, `Ragunad` under `[[kommuner]]`), eller som skrivs på två ställen eller fler och ligger nära ett namn under `[[kommuner]]` som inget annat skriver (`Berg` två gånger, `Brg` där), pekar på namnet där som det troligare felstavade",
            "an area, actor, key, kommun, earmark, focus area, heading or insats that is not defined; suggests the nearest one (an actor also by its name: `folkhälsan` for `fhe`, Folkhälsoenheten; by its id or name in other case or without å, ä and ö: `KOMMUNERNA` and `Lanets kommuner` for `kommunerna`; for the plan's first 100 unknown names); an unknown actor id also offers the actors that nothing in the plan refers to, since one of them may have been given a new id; an earmark of another area than the insats's is named with its area; a kommun written with one kommun's name and another's code (`Berg (2380)`) is told with both; a kommun's name that is the one SCB gives a kommun's code (`Ragunda` for 2303, `Ragunad` under `[[kommuner]]`), or is written in two places or more and is near a name under `[[kommuner]]` that nothing else writes (`Berg` twice, `Brg` there), points at the name there as the likelier misspelling",
        ),
        Code::AmbiguousName => lang.pick(
            "ett namn som betyder två saker: en kommuns namn som är en annan kommuns kommunkod, officiella namn eller namn och kod (`Bergs kommun` eller `Berg (2326)` som namn på en annan kommun än Berg), ett namn i en fördelning som är både en kommun och en aktör på raden, två aktörer med samma namn eller förkortning, en aktör vars id är en annan aktörs namn, en aktör vars namn eller id är en kommuns namn, kommunkod eller officiella namn (`Östersunds kommun`), eller en insats vars id är namnet på en av tabellerna per kommuns egna kolumner (`Kommun`, `Totalt`, …)",
            "a name that means two things: a kommun's name that is another kommun's kommunkod, official name or name and code (`Bergs kommun` or `Berg (2326)` as the name of another kommun than Berg), a name in a split that is both a kommun and an actor of the row, two actors with the same name or short name, an actor whose id is another actor's name, an actor whose name or id is a kommun's name, kommunkod or official name (`Östersunds kommun`), or an insats whose id is the name of one of the tables per kommun's own columns (`Kommun`, `Totalt`, …)",
        ),
        Code::ActorTree => lang.pick(
            "aktörernas `parent` bildar inte ett träd: en aktör under sig själv, en cykel, en aktör under länets kommuner, mer än en aktör av typen `kommuner`, regionen eller länets kommuner under en annan aktör, en av regionens enheter under något annat än regionen",
            "the actors' `parent` links do not form a tree: an actor under itself, a cycle, an actor under the county's kommuner, more than one actor of kind `kommuner`, the region or the county's kommuner under another actor, a unit of the region under anything but the region",
        ),
        Code::ActorPayment => lang.pick(
            "en aktörs `payment` som dess `kind` inte kan ha: regionen eller en av dess enheter som fakturerar regionen, en intern överföring utanför regionen, länets kommuner på annat sätt än med faktura",
            "an actor's `payment` that its `kind` cannot have: the region or a unit of it invoicing the region, an internal transfer outside the region, the county's kommuner other than by invoice",
        ),
        Code::InsatsActor => lang.pick(
            "en insats utan ansvarig aktör (`actor = []`) eller med samma aktör två gånger",
            "an insats without a responsible actor (`actor = []`) or with the same actor twice",
        ),
        Code::UnitInvalid => lang.pick(
            "en avrundningsenhet (`unit`) som inte är positiv eller är finare än ett öre, eller en fördelnings enhet som inte är jämnt delbar med planens",
            "a rounding unit (`unit`) that is not positive or is finer than one öre, or a split's unit that is not a whole multiple of the plan's",
        ),
        Code::NegativeAmount => lang.pick(
            "ett belopp under noll",
            "an amount below zero",
        ),
        Code::FinerThanUnit => lang.pick(
            "ett belopp som inte är jämnt delbart med planens `unit`, till exempel `\"518 183,82\"` i en plan i hela kronor eller i tiondelar (åtgärden anger den `unit` som skulle behövas)",
            "an amount that is not a whole number of the plan's `unit`, such as `\"518 183,82\"` in a plan of whole kronor or of tenths (the hint names the `unit` it would need)",
        ),
        Code::KeyDefinition => lang.pick(
            "en nyckel utan värden eller med värden från mer än en av `values`, `file`, `from`; `column` utan `file`; en fil på en procentnyckel; `from` på en befolkningsnyckel eller mot en nyckel som inte är en; en härledd precision över 10",
            "a key without values or with values from more than one of `values`, `file`, `from`; `column` without `file`; a file on a percent key; `from` on a population key or naming a key that is not one; a derived precision above 10",
        ),
        Code::KeyFile => lang.pick(
            "en nyckels SCB-fil kan inte läsas (saknas, ingen rubrikrad, inget år, flera och ingen `column`, ett värde som inte är ett antal eller för stort för att vara ett, en region utan kommunkod bland kommuner med, rader per kön eller ålder som inte går att summera, flera tabellinnehåll, ett citattecken som inte avslutas, en nedladdning som är avkortad (en PC-Axis-fil vars `DATA` inte slutar med `;`, en CSV-fil vars sista rad slutar med ett tal utan radbrytning), för stor, ett format som inte läses som HTML eller en gammal Excel-fil, en plan, en årsblankett eller redovisning angiven som filen, sagd som vad den är), med `fil:rad`",
            "a key's SCB file cannot be read (missing, no header, no year, several and no `column`, a value that is not a count or too large to be one, a region without kommunkod among kommuner with one, rows per sex or age that cannot be summed, several contents, an unclosed quote, a download cut short (a PC-Axis file whose `DATA` does not end with `;`, a CSV file whose last row ends in a figure without a line break), too large, a format that is not read such as HTML or an old Excel file, a plan, a year-end form or report given as the file, told as what it is), with `file:line`",
        ),
        Code::KeyCoverage => lang.pick(
            "en nyckel saknar en kommun eller anger den två gånger (i en fil utan kommunkoder också under två namn, `Bräcke` och `Bräcke kommun` eller `Braecke`); för en nyckelfil också en kommun som planen inte har, en utan värde (`..`), eller en rad vars kommunkod är en kommuns och namn en annans, med `fil:rad`",
            "a key misses a kommun or names one twice (in a file without kommunkoder also under two names, `Bräcke` and `Bräcke kommun` or `Braecke`); for a key file also a kommun the plan does not have, one without a value (`..`), or a row whose kommunkod is one kommun's and name another's, each with `file:line`",
        ),
        Code::KeyFileTotal => lang.pick(
            "en nyckelfils summa (en länsrad, även med länets kod i fyra siffror, `2300` eller `0023`, eller en rad \"Summa\"/\"Totalt\") skiljer sig från summan av kommunraderna den omfattar; båda talen och filens rad anges",
            "a key file's total (a county row, also with the county's code in four digits, `2300` or `0023`, or a \"Summa\"/\"Totalt\" row) differs from the sum of the kommun rows it covers; both figures and the file's line are given",
        ),
        Code::KeyPrecision => lang.pick(
            "en procentnyckel utan `precision`",
            "a percentage key without `precision`",
        ),
        Code::PercentSum => lang.pick(
            "en procentnyckel summerar inte till exakt 100",
            "a percentage key does not sum to exactly 100",
        ),
        Code::PercentPrecision => lang.pick(
            "en procentsats med fler decimaler än nyckelns precision",
            "a percentage with more decimals than the key's precision",
        ),
        Code::PercentNegative => lang.pick(
            "en procentsats under noll (även om summan blir 100)",
            "a percentage below zero (even when the sum is 100)",
        ),
        Code::PopulationNotPositive => lang.pick(
            "en folkmängd som inte är ett positivt heltal, i planen eller i en nyckelfil (med `fil:rad`); i planen också en skriven med komma eller punkt före tre siffror (`\"5,150\"`, `\"5.000\"`), troligen en tusentalsavgränsare, med talet att skriva (`5_150`)",
            "a population count that is not a positive whole number, in the plan or in a key file (with `file:line`); in the plan also one written with a comma or point before three digits (`\"5,150\"`, `\"5.000\"`), likely a thousands separator, with the count to write (`5_150`)",
        ),
        Code::SplitInvalid => lang.pick(
            "en fördelning som inte går att genomföra (`key`/`each`/`amounts` saknas, eller anges fast regeln inte använder dem, ett namn som inte är mottagare, en mottagare två gånger (med kommunkod och med namn), ett belopp som inte är jämnt delbart med fördelningens enhet, fasta delar i `fixed-plus-key` (`each`, `except`) som lämnar en rest till nyckeln som inte är det, pengar till kommunerna utan fördelning)",
            "a split that cannot be carried out (missing `key`/`each`/`amounts`, or given where the rule does not use them, a name that is not a recipient, a recipient named twice (by kommunkod and by name), an amount not in whole units of the split, fixed parts of `fixed-plus-key` (`each`, `except`) that leave the key a rest not in whole units, money to the kommuner without a split)",
        ),
        Code::SplitSum => lang.pick(
            "en fördelning (`fixed`, `amounts`) summerar inte till insatsens belopp",
            "a split (`fixed`, `amounts`) does not sum to the insats amount",
        ),
        Code::SplitPrinted => lang.pick(
            "ett belopp per mottagare under `printed` skiljer sig från vad regeln ger",
            "a per-recipient amount under `printed` differs from what the rule gives",
        ),
        Code::HeadingCoverage => lang.pick(
            "med sammanfattningsrubriker: en insats under ingen rubrik eller under två (då jämförs inga rubrikers summor, eftersom insatsen bara räknas under den första; felet visas före summorna det påverkar)",
            "with summary headings, an insats under no heading or under two (then no heading's total is compared, since the insats counts only under the first; the error comes before the totals it affects)",
        ),
        Code::HeadingCycle => lang.pick(
            "rubriker vars `parent` bildar en cykel",
            "headings whose `parent` links form a cycle",
        ),
        Code::CountyTotal => lang.pick(
            "områdena summerar inte till `county_total`",
            "the areas do not sum to `county_total`",
        ),
        Code::AreaTotal => lang.pick(
            "ett områdes insatser summerar inte till områdets belopp",
            "an area's insatser do not sum to its amount",
        ),
        Code::InsatserTotal => lang.pick(
            "alla insatser tillsammans, efter sina fördelningar, summerar inte till `county_total`",
            "all insatser together, after their splits, do not sum to `county_total`",
        ),
        Code::NationalSplit => lang.pick(
            "överenskommelsens delar summerar inte till `national_total`",
            "the agreement's parts do not sum to `national_total`",
        ),
        Code::StatedChange => lang.pick(
            "`stated_change` är inte `county_total − previous_county_total`",
            "`stated_change` is not `county_total − previous_county_total`",
        ),
        Code::StatedChangeUnchecked => lang.pick(
            "`stated_change` utan `previous_county_total`: förändringen som beslutsunderlaget anger kan inte kontrolleras (med `report --previous` och förra årets plan kontrolleras den mot den, och varningen faller bort)",
            "`stated_change` without `previous_county_total`: the change the decision document prints cannot be checked (with `report --previous` and last year's plan it is checked against that, and the warning goes)",
        ),
        Code::EarmarksOverArea => lang.pick(
            "ett områdes varav-poster summerar till mer än områdets belopp",
            "an area's earmarks sum to more than the area's amount",
        ),
        Code::EarmarkTotal => lang.pick(
            "insatser märkta med en varav-post summerar inte till den",
            "insatser tagged to an earmark (*varav*) do not sum to it",
        ),
        Code::KeyDate => lang.pick(
            "en nyckels filkolumn (eller dess `date`) gäller ett år mer än två år före planåret, eller dess `date` är ett annat år än filkolumnens",
            "a key's file column (or its `date`) is of a year more than two years before the plan year, or its `date` is another year than its file column's",
        ),
        Code::KeyRounding => lang.pick(
            "en fördelning efter procentsatser härledda med `from` ger någon kommun mer än en enhet mer eller mindre än befolkningstalen skulle",
            "a split by percentages derived with `from` gives some kommun more than one unit more or less than the population counts would",
        ),
        Code::KeyTotal => lang.pick(
            "en nyckels tryckta summa (`printed_total`: folkmängd eller procent) skiljer sig från summan av dess värden (i planen, ur en fil eller härledda)",
            "a key's printed sum (`printed_total`: population or percent) differs from the sum of its values (in the plan, from a file or derived)",
        ),
        Code::StatedTotal => lang.pick(
            "en angiven summa (en rubriks eller en `[[stated]]`) skiljer sig från posterna under den",
            "a printed total (a heading's or a `[[stated]]` one) differs from what it covers",
        ),
        Code::CountyName => lang.pick(
            "planens `county` läses som ett läns eller en regions namn (`Norrlands län`, `Region Norr`) eller ligger nära ett (`Västernorlands län`) men är inget av de 21 länen: planen tas då för en nationell och dess kommuner prövas inte mot något län; föreslår det närmaste länet (ett läns namn utan å, ä och ö känns igen som länet)",
            "the plan's `county` reads as a län's or region's name (`Norrlands län`, `Region Norr`) or is near one (`Västernorlands län`) but is none of the 21 län: the plan is then taken for a national one and its kommuner are tried against no län; suggests the nearest län (a län's name without å, ä and ö is read as the län)",
        ),
        Code::KommunCounty => lang.pick(
            "en kommun vars kommunkod ligger i ett annat län än det planens `county` nämner (`2380` Östersund i en plan för Västerbottens län), eller en kommunkod vars två första siffror inte är något läns kod (`2841`) eller som är ett läns kod med fyra siffror (`2300`: ingen kommunkod slutar på 00); en plan utan ett läns namn (en nationell plan) prövas bara för de två sista",
            "a kommun whose kommunkod lies in another län than the one the plan's `county` names (`2380` Östersund in a plan for Västerbottens län), or a kommunkod whose first two digits are no län's code (`2841`) or that is a län's code in four digits (`2300`: no kommunkod ends in 00); a plan without a län's name (a national plan) is tried for the last two only",
        ),
        Code::KommunCode => lang.pick(
            "en kommun vars namn och kommunkod inte är samma kommuns hos SCB: ett namn som SCB ger en annan kod (`Skellefteå` med `2484`; Norsjö och Malå med varandras koder), eller ett namn en bokstav eller två från det SCB ger koden (`Sundsval` med `2281`); ett namn nära kodens kommuns (`Nora` för 2062 Mora), eller ett annat läns kommun med en kod i planens län (`Ånge` för 2321 Åre i Jämtlands plan), anges som namnets fel, så att koden stannar i sitt län; ett namn långt från alla kommuners prövas inte",
            "a kommun whose name and kommunkod are not one kommun's at SCB: a name SCB gives another code (`Skellefteå` with `2484`; Norsjö and Malå with each other's codes), or a name a letter or two off the one SCB gives the code (`Sundsval` with `2281`); a name near the code's kommun's (`Nora` for 2062 Mora), or another län's kommun beside a code of the plan's (`Ånge` for 2321 Åre in Jämtland's plan), is told as the name's slip, so that the code stays in its län; a name far from every kommun's is not tried",
        ),
        Code::KommunMissing => lang.pick(
            "en plan för ett län som saknar några av de kommuner SCB har i länet, eller alla (ingen listad, eller bara ett annat läns): var och en nämns med sin kod, och åtgärden visar en så som den skrivs under `[[kommuner]]` (en kommun räknas som med genom sin kod eller sitt namn): en glömd kommun får inget av det som delas lika eller efter en nyckel med `values`",
            "a plan for a län that lacks some of the kommuner SCB has in the län, or all of them (none listed, or only another län's): each is named with its code, and the hint shows one as it is written under `[[kommuner]]` (a kommun counts as listed by its code or its name): a kommun forgotten gets nothing of what is split equally or by a key of `values`",
        ),
        Code::PlanYear => lang.pick(
            "planens `year` är inget årtal med fyra siffror (1000–9998)",
            "the plan's `year` is no four-digit year (1000–9998)",
        ),
        Code::DeadlineYear => lang.pick(
            "rekvisition, fakturering eller redovisning infaller inte under planåret, återbetalning inte året efter",
            "requisition, invoicing or reporting not in the plan year, repayment not in the next",
        ),
        Code::DeadlineOrder => lang.pick(
            "tidsgränserna kommer i fel ordning",
            "deadlines out of order",
        ),
        Code::UnusedActor => lang.pick(
            "en aktör som ingen insats använder (direkt eller genom en enhet under den); när inget i planen nämner den och planen nämner aktörs-id som den saknar, nämner åtgärden dem som dess möjliga gamla id",
            "an actor that no insats uses (directly or through a unit under it); when nothing refers to it and the plan refers to actor ids it lacks, the hint names them as its possible old id",
        ),
        Code::NoFocusArea => lang.pick(
            "en insats utan fokusområden, i en plan som listar dem",
            "an insats without focus areas, in a plan that lists them",
        ),
        Code::AmountToFill => lang.pick(
            "ett belopp som fortfarande är 0: `county_total`, `national_total`, en del av överenskommelsen, ett område, en varav-post, en insats, en fördelnings `each`, en rubriks eller en `[[stated]]` summa, och `stated_change` medan `county_total` är 0; varje tal (eller lista av tal) i en tryckt tabell eller kostnadsfördelning där alla tal är 0 (`allocate init` skriver dem så; en 0 i `except` eller `amounts`, eller i en tabell med andra tal, är tillåten)",
            "an amount still 0: `county_total`, `national_total`, an agreement part, an area, earmark or insats amount, a split's `each`, a heading's or `[[stated]]` figure, and `stated_change` while `county_total` is 0; each figure (or list of figures) of a printed table or cost-sharing table whose figures are all 0 (`allocate init` writes them so; a 0 in `except` or `amounts`, or in a table with other figures, is allowed)",
        ),
        Code::DecomposedName => lang.pick(
            "ett kommunnamn skrivet i uppdelad Unicode (`O` och ett kombinerande trema, som macOS skriver); det jämförs i sammansatt form (NFC) och stämmer ändå",
            "a kommun name in decomposed Unicode (`O` and a combining diaeresis, as macOS writes it); it is compared in composed form (NFC) and matches all the same",
        ),
        Code::KeySource => lang.pick(
            "en nyckel med värden i planen och utan `date` vars `source` anger ett tidigare år än planåret (förra årets underlag, kvar efter `allocate init`)",
            "a key with values in the plan and no `date` whose `source` names an earlier year than the plan year (last year's document, left by `allocate init`)",
        ),
        Code::DecisionDate => lang.pick(
            "planen anger `forum` men inte `decision_date`, som fakturorna hänvisar till",
            "the plan gives `forum` but not `decision_date`, which the invoices cite",
        ),
        Code::RevisionDate => lang.pick(
            "en reviderad plan ersätter ett beslut (`replaces`) som inte är fattat före planens eget (`decision_date`), eller har inget eget beslutsdatum",
            "a revised plan replaces a decision (`replaces`) not made before its own (`decision_date`), or has no decision date of its own",
        ),
        Code::ContactEmail => lang.pick(
            "en kontaktpersons `email` (`[[contacts]]`) som inte ser ut som en e-postadress: inte exakt ett `@`, inget före det, ingen domän med punkt efter det (`namn@region.se`), eller mellanslag eller osynliga tecken; beslutsunderlaget och fördelningsbeskeden skriver den som den står",
            "a contact's `email` (`[[contacts]]`) that does not read as an address: not exactly one `@`, nothing before it, no domain with a point after it (`name@region.se`), or spaces or invisible characters; the decision basis and the letters print it as written",
        ),
        Code::InvoiceCondition => lang.pick(
            "planen anger `invoice_by` men inget villkor (`conditions`) om medel som inte fakturerats i tid: inget villkor nämner fakturering",
            "the plan gives `invoice_by` but no condition (`conditions`) about funds not invoiced in time: no condition speaks of invoicing",
        ),
        Code::TableShape => lang.pick(
            "en tryckt tabell (`[[tables]]`) som inte går att kontrollera: ett `id` två gånger, inga kolumner eller rader, en kolumn två gånger (också som en annan stavning av samma kommun: namn, kod, versaler), en kolumn som ingår i en annan (`Berg` bredvid `kommunerna`, en enhet bredvid sin region: pengarna räknades två gånger), en rad med fler eller färre celler än kolumner, `column_totals` av annan längd, en kolumn som inte är kommun eller aktör när raden anger sin `insats`",
            "a printed table (`[[tables]]`) that cannot be checked: an `id` given twice, no columns or rows, a column given twice (also as another spelling of one kommun: name, code, case), a column that is part of another (`Berg` beside `kommunerna`, a unit beside its region: the money was counted twice), a row with more or fewer cells than columns, `column_totals` of another length, a column that is no kommun or actor when the row names its `insats`",
        ),
        Code::TableRowTotal => lang.pick(
            "en tryckt radsumma skiljer sig från summan av radens celler",
            "a printed row total differs from the sum of the row's cells",
        ),
        Code::TableColumnTotal => lang.pick(
            "en tryckt kolumnsumma skiljer sig från summan av kolumnens celler",
            "a printed column total differs from the sum of the column's cells",
        ),
        Code::TableTotal => lang.pick(
            "en tabells tryckta totalsumma skiljer sig från summan av radsummorna eller av kolumnsummorna (av cellerna när inga är tryckta)",
            "a table's printed grand total differs from the sum of the row totals or of the column totals (of the cells when none is printed)",
        ),
        Code::TableCell => lang.pick(
            "en cell i en rad som anger sin `insats` skiljer sig från vad planen ger kolumnens kommun eller aktör",
            "a cell of a row that names its `insats` differs from what the plan gives the column's kommun or actor",
        ),
        Code::CostSharingInvalid => lang.pick(
            "en kostnadsfördelning (`[[cost_sharing]]`) som inte går att kontrollera: ett `id` två gånger, inga parter eller rader, en part två gånger eller med namnet `total`, ett namn som inte är en part, en rad utan regel eller med flera, `shares` eller `weights` av fel längd, andelar som inte summerar till 100, vikter som summerar till 0, en negativ andel, vikt eller procentsats, `feeds` mot något som varken är `county_total` eller en insats",
            "a cost-sharing table (`[[cost_sharing]]`) that cannot be checked: an `id` given twice, no parties or rows, a party given twice or named `total`, a name that is no party, a row with no rule or several, `shares` or `weights` of the wrong length, shares that do not sum to 100, weights that sum to 0, a negative share, weight or percentage, `feeds` naming neither `county_total` nor an insats",
        ),
        Code::CostSharingRow => lang.pick(
            "en rads tryckta delar summerar inte till radens totalkostnad, eller en overheadrad utan tryckta delar vars parters andelar, var och en avrundad, inte gör det",
            "a row's printed parts do not sum to the row's total, or an overhead row without printed parts has parties' parts, each rounded, that do not",
        ),
        Code::CostSharingRule => lang.pick(
            "en rads tryckta delar skiljer sig från vad dess angivna regel ger (hela enheter, största rest); dokumentets siffror gäller, båda visas",
            "a row's printed parts differ from what its stated rule gives (whole units, largest remainder); the document's figures stand, both are shown",
        ),
        Code::CostSharingOverhead => lang.pick(
            "en overheadrad (`percent_of_above`) eller en parts del av den är inte sin procentsats av kostnadsraderna ovanför, avrundad till hela enheter",
            "an overhead row (`percent_of_above`) or a party's part of it is not its percentage of the cost rows above, rounded to whole units",
        ),
        Code::CostSharingTotal => lang.pick(
            "en delsumma, en parts totalsumma eller totalkostnaden skiljer sig från raderna den summerar, eller totalkostnaden från parternas summor",
            "a subtotal, a party's total or the grand total differs from the rows it sums, or the grand total from the parties' totals",
        ),
        Code::CostSharingPercent => lang.pick(
            "en parts tryckta andel i procent är inte dess totalsumma av totalkostnaden, med de decimaler den anges med",
            "a party's printed percentage is not its total over the grand total, at the decimals it is printed with",
        ),
        Code::CostSharingFeeds => lang.pick(
            "en parts totalsumma (eller totalkostnaden) skiljer sig från planens belopp den förs till (`feeds`: `county_total` eller en insats)",
            "a party's total (or the grand total) differs from the plan's amount it feeds (`feeds`: `county_total` or an insats)",
        ),
    }
}

/// What a follow-up code means.
pub fn usage_about(code: UsageCode, lang: Lang) -> &'static str {
    match code {
        UsageCode::ExceedsReceived => lang.pick(
            "använt belopp är större än det mottagna, med mer än mottagarens oanvända medel på dess egna rader inom samma fokusområden täcker; åtgärden säger vad som skrivs under Använt och i Kommentar om mottagaren betalat resten med egna medel",
            "the amount used is larger than the amount received, by more than the recipient's unused money on its own lines within the same focus areas covers; the hint says what to write under Used and in the comment if the recipient paid the rest with its own money",
        ),
        UsageCode::Reallocated => lang.pick(
            "använt belopp större än det mottagna, täckt av mottagarens oanvända medel på dess egna rader inom samma fokusområden, som beslutet tillåter (räknas som använt)",
            "an amount used larger than the amount received, covered by the recipient's unused money on its own lines within the same focus areas, as the decision allows (counted as used)",
        ),
        UsageCode::UnknownLine => lang.pick(
            "en rad som inte hör till någon rad i planen: en insats som inte finns, som mottagaren inte får medel ur, en rad utan insats, eller en rad under blankettens sista summarad",
            "a row that matches no line of the plan: an insats that does not exist, one the recipient gets no money from, a row without an insats, or a row below the form's last total row",
        ),
        UsageCode::UnknownRecipient => lang.pick(
            "en mottagare som inte finns i planen eller inte får medel, en blankett utan mottagare, eller en blankett vars Mottagare och Kommunkod är olika mottagare eller vars Mottagare inte är någon av planens bredvid en Kommunkod (blanketten räknas inte)",
            "a recipient that is not in the plan or receives no money, a form without a recipient, or a form whose Mottagare and Kommunkod are different recipients or whose Mottagare is none of the plan's beside a Kommunkod (the form is not counted)",
        ),
        UsageCode::Amount => lang.pick(
            "ett belopp som inte går att läsa (text, tvetydiga skiljetecken, bråkdelar av öre, ett datum, en cell formaterad som procent eller i en annan valuta än kronor) eller som är negativt",
            "an amount that cannot be read (text, ambiguous separators, fractions of öre, a date, a cell formatted as a percentage or in another currency than kronor) or that is negative",
        ),
        UsageCode::Duplicate => lang.pick(
            "samma rad i planen redovisad på mer än en rad i samma fil",
            "the same line of the plan reported on more than one row of one file",
        ),
        UsageCode::SeveralFiles => lang.pick(
            "en mottagare med samma rad redovisad i mer än en fil (en rättad blankett bredvid den ursprungliga, en blankett och en TOML-fil): vilken som gäller går inte att avgöra, och belopp från olika redovisningar läggs aldrig ihop (en exakt kopia av en fil läses en gång: usage-copy)",
            "a recipient with one line reported in more than one file (a corrected form beside the original, a form and a TOML file): which one holds cannot be told, and amounts from different reports are never added up (an exact copy of a file is read once: usage-copy)",
        ),
        UsageCode::Copy => lang.pick(
            "en redovisning som är en exakt kopia, byte för byte, av en fil som getts före den (samma bilaga sparad två gånger): den läses en gång",
            "a usage file that is an exact copy, byte for byte, of a file given before it (one attachment saved twice): it is read once",
        ),
        UsageCode::FormEdited => lang.pick(
            "blanketten ändrad där den inte ska: mottaget belopp eller insatsens id; raden räknas inte",
            "the form changed where it should not be: the amount received or the insats id; the row is not counted",
        ),
        UsageCode::Invoiced => lang.pick(
            "uppgiften om samlingsfakturan är skickad är varken ja eller nej, eller två filer svarar olika för samma mottagare",
            "whether the collective invoice was sent is neither yes nor no, or two files answer differently for one recipient",
        ),
        UsageCode::NotInvoiced => lang.pick(
            "planens `invoice_by` har passerat och mottagaren har inte skickat sin samlingsfaktura (nej), eller inte svarat om den har: medel som inte fakturerats i tid betalades aldrig ut, det redovisade räknas inte som använt, och de faktureras inte nu",
            "the plan's `invoice_by` has passed and the recipient has not sent its collective invoice (no), or has not said whether it has: money not invoiced in time was never paid out, what it reports is not counted as used, and it is not invoiced now",
        ),
        UsageCode::InvoiceUnanswered => lang.pick(
            "en uppföljning som avslutar året (`--final`) före planens `invoice_by`, där en mottagare som fakturerar har oanvända medel men inte svarat om samlingsfakturan är skickad: medlen betalas tillbaka till regionen eller dras av från fakturan, och ekonomienheten behöver veta vilket",
            "a follow-up that closes the year (`--final`) before the plan's `invoice_by`, where a recipient that invoices has unused money but has not said whether its collective invoice was sent: the money is paid back to the region or taken off the invoice, and the accounting unit needs to know which",
        ),
        UsageCode::FormLayout => lang.pick(
            "blanketten går inte att läsa säkert: en beloppskolumn i en annan enhet än kronor, en kolumn eller en rubrik i huvudet två gånger, en summarad som raderna inte summerar till (blanketten räknas inte), en andra blankett i samma fil (den läses inte) eller på ett annat blad i arbetsboken (arbetsboken räknas inte), celler sammanfogade över flera rader i tabellen (blanketten räknas inte), en rad med fler fält än rubrikraden (raden räknas inte), eller ett citattecken i en CSV-blankett som aldrig stängs eller stängs först efter vad som ser ut som blankettens rader (blanketten räknas inte)",
            "the form cannot be read surely: an amount column in another unit than kronor, a column or a header label twice, a total row its rows do not add up to (the form is not counted), a second form in the same file (it is not read) or on another sheet of the workbook (the workbook is not counted), cells merged over several rows of the table (the form is not counted), a row with more fields than the header row (the row is not counted), or a CSV quote never closed or closed only after what look like rows of the form (the form is not counted)",
        ),
        UsageCode::OtherPlan => lang.pick(
            "en blankett för ett annat år eller ett annat län än planens, för flera år, vars rubrik anger två år, eller vars beslut eller tidsfrister i huvudet anger ett annat år (blanketten räknas inte)",
            "a form for another year or another county than the plan's, for a span of years, whose title names two years, or whose decision or deadlines in its header name another year (the form is not counted)",
        ),
        UsageCode::NoYear => lang.pick(
            "en redovisning som inte anger sitt år (`year` i TOML, blankettens rubrikrad): förra årets fil skulle räknas som årets (den räknas); på en blankett nämns rader vars beskrivning inte finns i planen",
            "a usage file that does not state its year (`year` in TOML, a form's title row): last year's file would be counted as this year's (it is counted); on a form, rows whose description is not in the plan are named",
        ),
        UsageCode::Thousands => lang.pick(
            "en blankett vars använda belopp ser ut att vara skrivna i tusental kronor: inget av dem når en hundradel av vad raden fick, och minst ett är mer än 0 (räknas som skrivet)",
            "a form whose amounts used look written in thousands of kronor: none of them reaches a hundredth of what its line received, and at least one is more than 0 (counted as written)",
        ),
        UsageCode::CellFormat => lang.pick(
            "en blankett sparad som XLS, vars cellformat inte kan läsas: ett belopp som visas i tkr, € eller % skulle läsas som kronor (räknas som skrivet; spara som XLSX)",
            "a form saved as XLS, whose cell formats cannot be read: an amount shown in tkr, € or % would be read as kronor (counted as written; save as XLSX)",
        ),
        UsageCode::Missing => lang.pick(
            "en rad i planen som ingen har redovisat",
            "a line of the plan that nobody reported on",
        ),
    }
}

/// A finding's severity as its header names it: `fel`, `varning` ("error", "warning").
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => lang.pick("fel", "error"),
        Severity::Warning => lang.pick("varning", "warning"),
    }
}

/// A code of `check`, of `follow-up`, or of a comparison with last year's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnyCode {
    Plan(Code),
    Usage(UsageCode),
    /// The plan's figures about last year (`previous_county_total`, `stated_change`) that
    /// last year's plan does not bear out (`report --previous`, `diff`).
    PreviousYear,
}

impl AnyCode {
    /// Every code: the plan's in the registry's order, the follow-up's, then the comparison's.
    pub fn all() -> impl Iterator<Item = AnyCode> {
        (Code::ALL.iter().map(|&c| AnyCode::Plan(c)))
            .chain(UsageCode::ALL.iter().map(|&c| AnyCode::Usage(c)))
            .chain([AnyCode::PreviousYear])
    }

    /// The code as a finding shows it (`stated-total`, `usage-missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            AnyCode::Plan(c) => c.as_str(),
            AnyCode::Usage(c) => c.as_str(),
            AnyCode::PreviousYear => "previous-year",
        }
    }
}

/// A code explained, for `allocate explain`: its header as a finding shows it, what it means
/// and what it does to the command (a read error stops `check`, exit status 2), filled to
/// `width`.
pub fn explained(code: AnyCode, width: usize, lang: Lang) -> String {
    let (severity, about, consequence) = match code {
        AnyCode::Plan(code) => {
            let rule = code.rule();
            let consequence = match rule.stage {
                Stage::Read => lang.pick(
                    "Filen kan inte läsas och inget annat kontrolleras (slutkod 2).",
                    "The file cannot be read and nothing else is checked (exit status 2).",
                ),
                // A key file the plan names is a finding at its `file`, so the plan's other
                // checks still run; a file named on the command line that cannot be read is
                // exit status 2, as every command's.
                _ if code == Code::KeyFile => lang.pick(
                    "Ett fel: planen stämmer inte (slutkod 1), och planens övriga kontroller görs ändå. En nyckelfil som anges på kommandoraden (`split --key FIL`) och inte kan läsas ger slutkod 2.",
                    "An error: the plan does not reconcile (exit status 1), and the plan's other checks still run. A key file named on the command line (`split --key FILE`) that cannot be read gives exit status 2.",
                ),
                _ if rule.severity == Severity::Error => lang.pick(
                    "Ett fel: planen stämmer inte (slutkod 1).",
                    "An error: the plan does not reconcile (exit status 1).",
                ),
                _ => lang.pick(
                    "En varning: planen godkänns ändå (slutkod 0; 1 med --deny-warnings).",
                    "A warning: the plan passes all the same (exit status 0; 1 with --deny-warnings).",
                ),
            };
            (rule.severity, about(code, lang), consequence)
        }
        AnyCode::Usage(code) => {
            let consequence = match code {
                _ if code.stricter() => lang.pick(
                    "En varning i uppföljningen; ett fel med --final eller när tidsgränsen för redovisningen har passerat (slutkod 1).",
                    "A warning of the follow-up; an error with --final or once the reporting deadline has passed (exit status 1).",
                ),
                _ if code.severity() == Severity::Error => lang.pick(
                    "Ett fel i uppföljningen: redovisningen stämmer inte mot planen (slutkod 1).",
                    "An error of the follow-up: the usage does not agree with the plan (exit status 1).",
                ),
                _ => lang.pick(
                    "En varning i uppföljningen: den räknas ändå (slutkod 0).",
                    "A warning of the follow-up: it is counted all the same (exit status 0).",
                ),
            };
            (code.severity(), usage_about(code, lang), consequence)
        }
        AnyCode::PreviousYear => (
            Severity::Error,
            lang.pick(
                "planens siffra om förra året (`previous_county_total` eller `stated_change`) stämmer inte med förra årets plan, som `report --previous` och `diff` jämför med",
                "the plan's figure about last year (`previous_county_total` or `stated_change`) disagrees with last year's plan, which `report --previous` and `diff` compare it with",
            ),
            lang.pick(
                "Ett fel i jämförelsen: dokumentet skrivs som utkast med siffran markerad ≠, och `report --previous` och `diff` slutar med slutkod 1.",
                "An error of the comparison: the document is written as a draft with the figure marked ≠, and `report --previous` and `diff` end with exit status 1.",
            ),
        ),
    };
    let header = format!("{}[{}]", self::severity(severity, lang), code.as_str());
    let fill = |text: &str| crate::output::text::wrap(text, width, "  ", "  ");
    // The meaning as a sentence of its own.
    let about = format!("{}.", super::capitalized(about));
    format!("{header}\n{}\n{}\n", fill(&about), fill(consequence))
}
