# Samdrift — meldinger på norsk bokmål.
# Argumentene kommer som ferdig tekst (tall allerede i norsk format).

## Alvorlighet
severity-error = feil
severity-warning = advarsel

## Steder
place-study = Studien
place-member = { $name } ({ $id })
place-position = { $name }, stilling { $number } «{ $role }»
place-category = Kostnadsart «{ $id }»
place-baseline-line = Dagens kostnader, «{ $category }»
place-baseline-cell = Dagens kostnader, «{ $category }», kommune { $member }
place-baseline-totals = Dagens kostnader, trykte summer
place-staffing-totals = Bemanning, trykte summer
place-key = Nøkkel «{ $name }»
place-scenario = Scenario «{ $name }»
place-scenario-line = Scenario «{ $name }», linje { $number } «{ $label }»
place-assumptions = Forutsetninger

## Typer og felt
kind-member = kommune
kind-category = kostnadsart
kind-key = nøkkel
kind-scenario = scenario
attribute-population = innbyggertall
attribute-employees = ansatte
attribute-workstations = arbeidsplasser
attribute-sites = lokasjoner
field-amount = beløpet
field-quantity = antallet
field-salary = lønn per årsverk
field-employer-tax = arbeidsgiveravgiften
field-pension = pensjonssatsen
field-authorised = % hjemmel
field-filled = % besatt
field-task-share = oppgaveandelen
field-printed-total = den trykte summen
field-weight = vekten
field-wage-growth = reallønnsveksten
field-price-growth = realprisveksten
field-discount-rate = kalkulasjonsrenten

## Valideringsproblemer
problem-no-members = studien har ingen kommuner.
problem-empty-id = en { $kind } mangler id.
problem-duplicate-id = to av typen { $kind } har samme id «{ $id }»; id-er må være unike.
problem-not-finite = { $field } er ikke et tall (NaN eller uendelig).
problem-negative = { $field } er negativ ({ $value }); den må være 0 eller mer.
problem-unknown-member = det finnes ingen kommune med id «{ $id }».
problem-unknown-category = det finnes ingen kostnadsart med id «{ $id }».
problem-unknown-key = det finnes ingen nøkkel med id «{ $id }».
problem-duplicate-baseline-line = kostnadsarten «{ $id }» står to ganger i dagens kostnader.
problem-negative-todays-cost = en negativ kostnad i dag ({ $value }); er det en refusjon?
problem-tasks-do-not-add-up = oppgaveandelene summerer til { $tasks } %, men { $filled } % av stillingen er besatt.
problem-filled-exceeds-authorised = { $filled } % er besatt, men bare { $authorised } % er hjemlet.
problem-printed-total-differs = trykt sum for «{ $what }» er { $printed }, men tallene summerer til { $computed }.
problem-printed-row-total-differs = trykt sum er { $printed }, men tallene summerer til { $computed }.
problem-unknown-role = en trykt sum gjelder rollen «{ $role }», som ingen kommune har.
problem-no-participants = scenarioet har ingen deltakende kommuner.
problem-duplicate-participant = kommunen «{ $id }» står to ganger som deltaker.
problem-shared-lines-without-key = scenarioet har felles kostnadslinjer, men ingen nøkkel å fordele dem etter.
problem-key-all-zero = nøkkelen «{ $key }» gir alle deltakerne vekt 0, så felleskostnadene kan ikke fordeles.
problem-key-bad-weight = nøkkelen «{ $key }» har en negativ eller ugyldig vekt.
problem-key-empty-mix = den blandede nøkkelen «{ $key }» har ingen deler.
problem-key-missing-attribute = nøkkelen «{ $key }» bruker { $attribute }, som mangler for { $member }.
problem-key-member-without-weight = { $member } har ingen vekt i nøkkelen «{ $key }» og betaler ingen felleskostnader.
problem-driver-missing-attribute = linjen ganges med { $attribute }, som mangler for { $member }.
problem-payer-not-participating = linjen betales av «{ $id }», som ikke er med i scenarioet.
problem-interval-zero = «hvert n. år» krever at n er minst 1.
problem-from-after-to = linjen går fra { $from } til { $to }: første år er etter siste.
problem-never-due = linjen forfaller aldri innenfor årene som analyseres ({ $first }–{ $last }).
problem-horizon-zero = analyseperioden er 0 år.
problem-horizon-too-long = analyseperioden på { $years } år er lenger enn grensen på { $max } år.
problem-display-year-outside = året som vises ({ $year }) er utenfor årene som analyseres ({ $first }–{ $last }).
problem-rate-too-low = { $field } på { $value } % er −100 % eller lavere.
problem-discount-steps = kalkulasjonsrenten må ha et trinn fra år 0 og trinn i stigende rekkefølge.
problem-no-today-scenario = ingen scenarioer er dagens drift, så forskjeller mot i dag kan ikke vises.
problem-several-today-scenarios = mer enn ett scenario er dagens drift; det første brukes for forskjeller.

## Lese og lagre
load-io = { $path }: kan ikke lese filen: { $message }
load-too-large = { $path }: filen er { $size } MB; studiefiler kan være høyst { $max } MB.
load-not-utf8 = { $path }, linje { $line }: filen er ikke UTF-8-tekst (lagret som Latin-1 eller Windows-1252?). Lagre den som UTF-8 og åpne den igjen.
load-syntax = { $path }:{ $line }:{ $column }: { $problem }
load-no-version = { $path }: dette er ikke en Samdrift-studie: feltet «version» mangler.
load-newer-version = { $path }: filen har formatversjon { $found }, laget av en nyere Samdrift; denne versjonen leser opp til format { $supported }. Oppdater Samdrift for å åpne den.
load-unknown-version = { $path }: formatversjon { $found } finnes ikke.
syntax-decimal-comma = et tall er skrevet med desimalkomma; studiefiler bruker desimalpunktum (skriv 1.5, ikke 1,5).
syntax-digit-grouping = et tall er skrevet med mellomrom mellom sifrene; skriv det uten mellomrom (400000, ikke 400 000).
syntax-unknown-field = ukjent felt «{ $found }»; forventet ett av: { $expected }.
syntax-missing-field = feltet «{ $field }» mangler.
syntax-duplicate-field = feltet «{ $field }» er oppgitt to ganger.
syntax-unknown-variant = «{ $found }» er ikke et gyldig valg her; forventet ett av: { $expected }.
syntax-unexpected-end = filen slutter for tidlig; en avsluttende parentes mangler kanskje.
syntax-expected-number = her skulle det stått et tall.
syntax-expected-text = her skulle det stått tekst i doble anførselstegn.
syntax-number-out-of-range = tallet er utenfor gyldig område her (for eksempel negativt der bare 0 eller mer er tillatt).
syntax-too-deep = filen er nøstet for dypt.
syntax-trailing-text = det står mer tekst etter slutten av studien.
syntax-other = filen er ikke en gyldig studie her ({ $detail }).
save-serialize = studien kunne ikke skrives: { $detail }
save-io = { $path }: kan ikke lagre: { $message }. Filen på disken er uendret.

## Kommandolinje
cli-no-gui = Denne utgaven har ikke skrivebordsappen (bygget uten «gui»). Prøv «samdrift --help».
cli-app-failed = Appen kunne ikke starte: { $detail }
cli-scenario = Scenario
cli-compare-title = Årskostnad { $year }, kr
cli-year-outside = Året { $year } er utenfor årene som analyseres ({ $first }–{ $last }).
cli-check-summary = { $errors } feil, { $warnings } advarsler.

## App: menyer og visninger
menu-file = Fil
menu-new = Ny studie
menu-open = Åpne …
menu-recent = Åpne nylig brukt
menu-no-recent = Ingen nylig brukte studier
menu-open-reference = Åpne referansestudien fra 2006
menu-save = Lagre
menu-save-as = Lagre som …
menu-quit = Avslutt
menu-edit = Rediger
menu-undo = Angre
menu-redo = Gjør om
menu-view = Vis
menu-language = Språk
view-comparison = Sammenligning
view-members = Kommuner
view-staffing = Bemanning
view-baseline = Dagens kostnader
view-scenarios = Scenarioer
view-keys = Nøkler
view-assumptions = Forutsetninger

## App: vanlige ord
ui-ok = OK
ui-cancel = Avbryt
ui-save = Lagre
ui-discard = Forkast endringene
ui-remove = Fjern
ui-dismiss = Lukk
ui-name = Navn
ui-id = Id
ui-note = Merknad
ui-total = Sum
ui-year = År
ui-unit = Enhet:
ui-unit-kroner = kr
ui-unit-thousands = 1 000 kr
ui-thousands = Vis beløp i tusen kroner
ui-years-suffix = { " " }år
ui-percent-per-year = % per år
ui-assumption = Forutsetning
ui-source-note = Merknad om forutsetningen
ui-source-text = Kilde
ui-source-date = Dato
ui-not-a-number = Ikke et tall. Skriv for eksempel 1 234,5 eller 1234.5; Esc gir tilbake verdien.
ui-untitled-file = innebygd eksempel (ikke lagret)
ui-new-study-title = Ny studie
ui-file-filter = Samdrift-studie
ui-opened = Åpnet { $path }.
ui-saved = Lagret { $path }.
ui-unsaved-title = Ulagrede endringer
ui-unsaved-text = «{ $title }» har endringer som ikke er lagret. Vil du lagre dem først?
ui-open-path-title = Åpne en studie
ui-save-path-title = Lagre studien som
ui-path-hint = Ingen fildialog er tilgjengelig her; skriv inn filens sti.
ui-path = Filens sti
ui-validation-summary = { $errors } feil, { $warnings } advarsler
ui-stale = Tallene som vises er fra før siste endring; rett feilene for å oppdatere dem.
ui-go-to = Gå til stedet
ui-no-result = Studien har feil, så ingen tall kan vises ennå. Se listen nedenfor.

## App: sammenligning og diagrammer
ui-comparison-caption = Årskostnad { $year } ({ $unit }) og forskjellen mot dagens drift
ui-comparison-legend = ▼ grønt: billigere enn i dag; ▲ rødt: dyrere enn i dag; — ikke med i scenarioet. Kommunene er avrundet slik at de summerer til totalen.
ui-scenario = Scenario
ui-not-participating = Ikke med i dette scenarioet
chart-by-member = Per kommune
chart-by-category = Per kostnadsart
chart-one-member = Én kommune
chart-caption-by-member = Årskostnad { $year } per kommune, én søyle per scenario. Hold musen over en søyle for eksakt tall.
chart-caption-by-category = Årskostnad { $year } for hvert scenario, fordelt på kostnadsart.
chart-caption-one-member = Hva kommunen betaler i { $year }: i dag og i hvert scenario.

## App: kommuner og bemanning
ui-municipality-number = Kommunenr.
ui-add-member = Legg til kommune
ui-remove-member = Fjern denne kommunen …
ui-new-member-name = Ny kommune
ui-sources-of = Kilder for tallene til { $name }
ui-remove-member-title = Fjerne { $name }?
ui-remove-member-nothing = Ingenting annet i studien viser til den.
ui-remove-member-refs = Dette blir også fjernet:
ref-baseline = dagens kostnad «{ $category }»
ref-key = vekten i nøkkelen «{ $key }»
ref-participant = plassen i scenarioet «{ $scenario }»
ref-payer = linjen «{ $line }» i «{ $scenario }», som den betaler alene
ui-positions = Stillinger
ui-role = Rolle
ui-new-role = Ny stilling
ui-add-position = Legg til stilling
ui-tasks-sum = Oppgaver
ui-tasks-of = Hvordan «{ $role }» brukes
ui-task = Oppgave
ui-new-task = Ny oppgave
ui-add-task = Legg til oppgave
ui-tasks-sum-of = { $sum } % av { $filled } % besatt
ui-salary-with-social = Inkl. sosiale kostnader: { $amount } per årsverk
ui-filled-fte = Besatte årsverk: { $fte }

## App: dagens kostnader
ui-baseline-help = Skriv beløp i kroner per år (1 234,5 eller 1234.5). Tab går til høyre, Enter går ned. Summene regnes ut; en trykt sum som ikke stemmer vises i oransje.
ui-category = Kostnadsart
ui-printed-total = Trykt sum

## App: scenarioer
ui-add-scenario = Nytt scenario
ui-new-scenario-name = Nytt scenario
ui-duplicate-scenario = Dupliser
ui-copy-of = Kopi av { $name }
ui-without-member = Uten kommune ▸
ui-scenario-without = { $scenario } uten { $member }
ui-delete-scenario = Slett
ui-scenario-name = Scenarioets navn
ui-kind = Type
ui-key = Nøkkel for felleskostnader
ui-no-key = (ingen nøkkel)
ui-participants = Deltakere
ui-scenario-total = Sum { $year }: { $amount }
ui-today-lines-help = Dagens drift omfatter dagens kostnader; linjene her kommer i tillegg.
ui-cost-lines = Kostnadslinjer
ui-add-line = Legg til kostnadslinje
ui-new-line = Ny kostnadslinje
ui-line-label = Linjens navn
kind-today = Dagens drift
kind-joint = Felles drift i eget hus
kind-thin = Felles drift med tynne klienter
kind-hosting = Ekstern drift
kind-custom = Annet
driver-lump = fast beløp
driver-members = per kommune
driver-fte = per årsverk i dag
driver-per-inhabitant = per innbygger
driver-per-employee = per ansatt
driver-per-workstation = per arbeidsplass
driver-per-site = per lokasjon
payer-shared = fordeles etter nøkkelen
payer-each = hver kommune sin egen
payer-member = betales av { $name }
timing-every-year = hvert år
timing-once = én gang
timing-every-n = hvert n. år
timing-limited = bare noen år
timing-from = fra
timing-to = til
timing-year = i
timing-every = hvert
growth-wages = følger lønnsveksten
growth-prices = følger prisveksten
growth-none = ingen vekst

## App: nøkler og forutsetninger
ui-add-key = Ny nøkkel
ui-new-key-name = Ny nøkkel
ui-delete-key = Slett nøkkel
ui-key-name = Nøkkelens navn
ui-rule = Regel
rule-equal = like andeler
rule-proportional = etter { $attribute }
rule-todays-cost = etter dagens kostnad
rule-fixed = faste vekter
rule-mix = blanding av regler
ui-add-part = Legg til del
ui-shares = Andeler
ui-all-members = Alle kommuner
ui-shares-error = Disse andelene kan ikke regnes ut; se valideringslisten.
ui-first-year = Første år
ui-horizon = Antall år som analyseres
ui-display-year = År som vises som årskostnad
ui-discount-name = Kalkulasjonsrentens navn
ui-from-year-index = Fra år nr. (0 = første)
ui-rate-percent = Rente, %
ui-add-step = Legg til trinn
ui-driver = Ganges med
ui-payer = Betales av
ui-growth = Vekst
ui-timing = Når
