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
