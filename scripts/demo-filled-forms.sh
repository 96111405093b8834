#!/bin/sh
# Makes the demo's attendance and filled-in forms (examples/demo/attendance/,
# examples/demo/utfylt/), so `npm run demo` shows a report and the overview.
# Forms are filled the way people do: python-docx ticks and types into the
# content controls (tests/clients/fill_form.py); the Mestringstreff forms are
# then saved again by LibreOffice, which drops the tags, as a real one would.
# Needs a built refleks, /usr/bin/python3 with python-docx, and soffice.
# Run from the repository root; commit what it writes.
set -eu
DEMO=examples/demo
FILL="/usr/bin/python3 tests/clients/fill_form.py"
R="node bin/refleks.js -w $DEMO -q"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

rm -rf "$DEMO/attendance" "$DEMO/utfylt"
# Hjemmetjenesten sone nord: three sessions recorded, Olena away at the third.
$R attendance sone-nord 1 --all
$R attendance sone-nord 2 --all
$R attendance sone-nord 3 "Ali Khan" "Siri Ødegård" "Jonas Æsøy" "Marte Lien-Åberg"
# Mestringstreff: all six recorded; Per-Arne missed two evenings, Leila one.
for s in 1 4 6; do $R attendance mestringstreff-var $s --all; done
for s in 2 3; do $R attendance mestringstreff-var $s "Randi Johansen" "Kjell Andersen" "Sofie Lund" "Ibrahim Hassan" "Wenche Ødegaard" "Leila Haddad"; done
$R attendance mestringstreff-var 5 "Randi Johansen" "Kjell Andersen" "Sofie Lund" "Ibrahim Hassan" "Wenche Ødegaard" "Per-Arne Sørli"

cp -r "$DEMO" "$WORK/ws"
rm -rf "$WORK/ws/ut" "$WORK/ws/.refleks"
node bin/refleks.js -w "$WORK/ws" -q forms sone-nord mestringstreff-var
F="$WORK/ws/ut"
mkdir -p "$DEMO/utfylt/sone-nord" "$DEMO/utfylt/mestringstreff-var" "$WORK/lo"

$FILL "$F/sone-nord/skjema/evalueringsskjema.docx" "$DEMO/utfylt/sone-nord/evalueringsskjema.docx" '{
  "tema-1-vurdering-4": true, "tema-2-vurdering-5": true, "tema-3-vurdering-4": true, "tema-4-vurdering-3": true, "tema-5-vurdering-4": true,
  "mal-1-1-ja": true, "mal-1-2-ja": true, "mal-2-1-delvis": true,
  "mal-kommentar": "Målene om kartlegging trenger mer tid; vi tar dem opp igjen til høsten.",
  "praksis": "Vi spør brukerne «hva er viktig for deg?» før vi planlegger tiltak, også på kveldsvakt.",
  "videre": "Refleksjon en gang i måneden på personalmøtet, med Kari som veileder."
}'
$FILL "$F/sone-nord/skjema/oppfolgingsskjema.docx" "$DEMO/utfylt/sone-nord/oppfolgingsskjema.docx" '{
  "s1-erfaringer": "Godt å snakke om egen praksis; flere hadde ikke tenkt på brukerens egne mål.",
  "s2-utprovd": "Spurte tre brukere hva som er viktig for dem.",
  "s2-erfaringer": "Brukerne svarte annerledes enn vi trodde.",
  "s2-tiltak-1": "Ta inn spørsmålet i innkomstsamtalen", "s2-ansvarlig-1": "Per Hansen", "s2-frist-1": "01.05.2027",
  "s3-tiltak-1": "Felles rutine for oppfølging av hjemmetrening", "s3-ansvarlig-1": "Siri Ødegård", "s3-frist-1": "15.03.2027"
}'
$FILL "$F/mestringstreff-var/skjema/evalueringsskjema.docx" "$WORK/lo/evalueringsskjema.docx" '{
  "tema-1-vurdering-5": true, "tema-2-vurdering-4": true, "tema-3-vurdering-4": true, "tema-4-vurdering-5": true, "tema-5-vurdering-3": true, "tema-6-vurdering-5": true,
  "praksis": "Deltakerne sier de går mer tur sammen etter treffene.",
  "videre": "Nytt kurs til høsten; erfaringskonsulenten er med igjen."
}'
soffice --headless --norestore "-env:UserInstallation=file://$WORK/profile" --convert-to docx --outdir "$DEMO/utfylt/mestringstreff-var" "$WORK/lo/evalueringsskjema.docx" >/dev/null
ls -l "$DEMO/attendance" "$DEMO/utfylt"/*
