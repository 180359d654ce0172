# Samdrift — English messages.
# Arguments arrive as finished text (numbers already in Nordic format).

## Severities
severity-error = error
severity-warning = warning

## Places
place-study = Study
place-member = { $name } ({ $id })
place-position = { $name }, position { $number } “{ $role }”
place-category = Category “{ $id }”
place-baseline-line = Today’s costs, “{ $category }”
place-baseline-cell = Today’s costs, “{ $category }”, member { $member }
place-baseline-totals = Today’s costs, printed totals
place-staffing-totals = Staffing, printed totals
place-key = Key “{ $name }”
place-scenario = Scenario “{ $name }”
place-scenario-line = Scenario “{ $name }”, line { $number } “{ $label }”
place-assumptions = Assumptions

## Kinds of things and fields
kind-member = municipality
kind-category = cost category
kind-key = key
kind-scenario = scenario
attribute-population = population
attribute-employees = employees
attribute-workstations = workstations
attribute-sites = sites
field-amount = amount
field-quantity = quantity
field-salary = salary per FTE
field-employer-tax = employer tax rate
field-pension = pension rate
field-authorised = % authorised
field-filled = % filled
field-task-share = task share
field-printed-total = printed total
field-weight = weight
field-wage-growth = real wage growth
field-price-growth = real price growth
field-discount-rate = discount rate

## Validation problems
problem-no-members = the study has no municipalities.
problem-empty-id = a { $kind } has an empty id.
problem-duplicate-id = two of type { $kind } share the id “{ $id }”; ids must be unique.
problem-not-finite = the { $field } is not a number (NaN or infinite).
problem-negative = the { $field } is negative ({ $value }); it must be 0 or more.
problem-unknown-member = there is no municipality with the id “{ $id }”.
problem-unknown-category = there is no cost category with the id “{ $id }”.
problem-unknown-key = there is no key with the id “{ $id }”.
problem-duplicate-baseline-line = the category “{ $id }” appears twice in today’s costs.
problem-negative-todays-cost = a negative cost today ({ $value }); is that a refund?
problem-tasks-do-not-add-up = the task shares add up to { $tasks } % but { $filled } % of the position is filled.
problem-filled-exceeds-authorised = { $filled } % is filled but only { $authorised } % is authorised.
problem-printed-total-differs = printed total for “{ $what }” is { $printed }, but the figures add up to { $computed }.
problem-printed-row-total-differs = the printed total is { $printed }, but the figures add up to { $computed }.
problem-unknown-role = a printed total names the role “{ $role }”, which no municipality has.
problem-no-participants = the scenario has no participating municipalities.
problem-duplicate-participant = the municipality “{ $id }” is listed twice as a participant.
problem-shared-lines-without-key = the scenario has shared cost lines but no key to split them.
problem-key-all-zero = the key “{ $key }” gives every participant a weight of 0, so shared costs cannot be split.
problem-key-bad-weight = the key “{ $key }” has a negative or invalid weight.
problem-key-empty-mix = the mixed key “{ $key }” has no parts.
problem-key-missing-attribute = the key “{ $key }” uses { $attribute }, which is missing for { $member }.
problem-key-member-without-weight = { $member } has no weight in the key “{ $key }” and pays no shared costs.
problem-driver-missing-attribute = the line is multiplied by { $attribute }, which is missing for { $member }.
problem-payer-not-participating = the line is paid by “{ $id }”, which does not take part in the scenario.
problem-interval-zero = “every n years” needs n of at least 1.
problem-from-after-to = the line runs from { $from } to { $to }: the first year is after the last.
problem-never-due = the line never falls due within the years analysed ({ $first }–{ $last }).
problem-horizon-zero = the horizon is 0 years.
problem-horizon-too-long = the horizon of { $years } years is longer than the limit of { $max } years.
problem-display-year-outside = the year shown ({ $year }) is outside the years analysed ({ $first }–{ $last }).
problem-rate-too-low = the { $field } of { $value } % is −100 % or less.
problem-discount-steps = the discount rate needs a step from year 0 and steps in increasing order.
problem-no-today-scenario = no scenario is today’s operation, so differences against today cannot be shown.
problem-several-today-scenarios = more than one scenario is today’s operation; the first is used for differences.

## Loading and saving
load-io = { $path }: cannot read the file: { $message }
load-too-large = { $path }: the file is { $size } MB; study files may be at most { $max } MB.
load-not-utf8 = { $path }, line { $line }: the file is not UTF-8 text (saved as Latin-1 or Windows-1252?). Save it as UTF-8 and open it again.
load-syntax = { $path }:{ $line }:{ $column }: { $problem }
load-no-version = { $path }: this is not a Samdrift study: it has no “version” field.
load-newer-version = { $path }: the file is in format version { $found }, made by a newer Samdrift; this version reads up to format { $supported }. Update Samdrift to open it.
load-unknown-version = { $path }: format version { $found } does not exist.
syntax-decimal-comma = a number is written with a decimal comma; study files use a decimal point (write 1.5, not 1,5).
syntax-digit-grouping = a number is written with spaces between digits; write it without spaces (400000, not 400 000).
syntax-unknown-field = unknown field “{ $found }”; expected one of: { $expected }.
syntax-missing-field = the field “{ $field }” is missing.
syntax-duplicate-field = the field “{ $field }” is given twice.
syntax-unknown-variant = “{ $found }” is not a valid choice here; expected one of: { $expected }.
syntax-unexpected-end = the file ends too early; a closing bracket may be missing.
syntax-expected-number = expected a number here.
syntax-expected-text = expected text in double quotes here.
syntax-number-out-of-range = the number is out of range here (for instance negative where only 0 or more is allowed).
syntax-too-deep = the file is nested too deeply.
syntax-trailing-text = there is more text after the end of the study.
syntax-other = the file is not a valid study here ({ $detail }).
save-serialize = the study could not be written: { $detail }
save-io = { $path }: cannot save: { $message }. The file on disk is unchanged.

## Command line
cli-no-gui = This build has no desktop app (built without the “gui” feature). Try “samdrift --help”.
cli-app-failed = The app could not start: { $detail }
cli-scenario = Scenario
cli-compare-title = Annual cost { $year }, NOK
cli-year-outside = The year { $year } is outside the years analysed ({ $first }–{ $last }).
cli-check-summary = { $errors } error(s), { $warnings } warning(s).

## App: menus and views
menu-file = File
menu-new = New study
menu-open = Open…
menu-recent = Open recent
menu-no-recent = No recent studies
menu-open-reference = Open the 2006 reference study
menu-save = Save
menu-save-as = Save as…
menu-quit = Quit
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-view = View
menu-language = Language
view-comparison = Comparison
view-members = Municipalities
view-staffing = Staffing
view-baseline = Today’s costs
view-scenarios = Scenarios
view-keys = Keys
view-assumptions = Assumptions

## App: common words
ui-ok = OK
ui-cancel = Cancel
ui-save = Save
ui-discard = Discard changes
ui-remove = Remove
ui-dismiss = Dismiss
ui-name = Name
ui-id = Id
ui-note = Note
ui-total = Total
ui-year = Year
ui-unit = Unit:
ui-unit-kroner = NOK
ui-unit-thousands = NOK 1,000
ui-thousands = Show amounts in thousands
ui-years-suffix = { " " }years
ui-percent-per-year = % per year
ui-assumption = Assumption
ui-source-note = Note on the assumption
ui-source-text = Source
ui-source-date = Date
ui-not-a-number = Not a number. Type for example 1 234,5 or 1234.5; Esc restores the value.
ui-untitled-file = built-in example (not saved)
ui-new-study-title = New study
ui-file-filter = Samdrift study
ui-opened = Opened { $path }.
ui-saved = Saved { $path }.
ui-unsaved-title = Unsaved changes
ui-unsaved-text = “{ $title }” has changes that are not saved. Save them first?
ui-open-path-title = Open a study
ui-save-path-title = Save the study as
ui-path-hint = No file dialog is available here; type the path of the file.
ui-path = Path of the file
ui-validation-summary = { $errors } error(s), { $warnings } warning(s)
ui-stale = The figures shown are from before the last change; fix the errors to update them.
ui-go-to = Go to the place
ui-no-result = The study has errors, so no figures can be shown yet. See the list below.

## App: comparison and charts
ui-comparison-caption = Annual cost { $year } ({ $unit }), and the difference against today’s operation
ui-comparison-legend = ▼ green: cheaper than today; ▲ red: dearer than today; — not part of the scenario. Members are rounded so that they add up to the total.
ui-scenario = Scenario
ui-not-participating = Not part of this scenario
chart-by-member = Per municipality
chart-by-category = By kind of cost
chart-one-member = One municipality
chart-caption-by-member = Annual cost { $year } per municipality, one bar per scenario. Hover a bar for the exact figure.
chart-caption-by-category = Annual cost { $year } of each scenario, by kind of cost.
chart-caption-one-member = What the municipality pays in { $year }: today and in each scenario.

## App: municipalities and staffing
ui-municipality-number = Municipality no.
ui-add-member = Add municipality
ui-remove-member = Remove this municipality…
ui-new-member-name = New municipality
ui-sources-of = Sources of the figures for { $name }
ui-remove-member-title = Remove { $name }?
ui-remove-member-nothing = Nothing else in the study refers to it.
ui-remove-member-refs = These will be removed as well:
ref-baseline = today’s cost “{ $category }”
ref-key = its weight in the key “{ $key }”
ref-participant = its place in the scenario “{ $scenario }”
ref-payer = the line “{ $line }” of “{ $scenario }”, which it pays alone
ui-positions = Positions
ui-role = Role
ui-new-role = New position
ui-add-position = Add position
ui-tasks-sum = Tasks
ui-tasks-of = How “{ $role }” is spent
ui-task = Task
ui-new-task = New task
ui-add-task = Add task
ui-tasks-sum-of = { $sum } % of { $filled } % filled
ui-salary-with-social = Incl. social costs: { $amount } per FTE
ui-filled-fte = Filled FTE: { $fte }

## App: today’s costs
ui-baseline-help = Type amounts in NOK per year (1 234,5 or 1234.5). Tab moves right, Enter moves down. Totals are computed; a printed total that disagrees is shown in orange.
ui-category = Kind of cost
ui-printed-total = Printed total

## App: scenarios
ui-add-scenario = New scenario
ui-new-scenario-name = New scenario
ui-duplicate-scenario = Duplicate
ui-copy-of = Copy of { $name }
ui-without-member = Without municipality ▸
ui-scenario-without = { $scenario } without { $member }
ui-delete-scenario = Delete
ui-scenario-name = Scenario name
ui-kind = Kind
ui-key = Key for shared costs
ui-no-key = (no key)
ui-participants = Participants
ui-scenario-total = Total { $year }: { $amount }
ui-today-lines-help = Today’s operation includes today’s costs; lines here come in addition.
ui-cost-lines = Cost lines
ui-add-line = Add cost line
ui-new-line = New cost line
ui-line-label = Label of the line
kind-today = Today’s operation
kind-joint = Joint in-house
kind-thin = Joint in-house with thin clients
kind-hosting = Outsourced hosting
kind-custom = Other
driver-lump = lump sum
driver-members = per municipality
driver-fte = per FTE today
driver-per-inhabitant = per inhabitant
driver-per-employee = per employee
driver-per-workstation = per workstation
driver-per-site = per site
payer-shared = shared by the key
payer-each = each municipality its own
payer-member = paid by { $name }
timing-every-year = every year
timing-once = once
timing-every-n = every n years
timing-limited = only some years
timing-from = from
timing-to = to
timing-year = in
timing-every = every
growth-wages = follows wages
growth-prices = follows prices
growth-none = no growth

## App: keys and assumptions
ui-add-key = New key
ui-new-key-name = New key
ui-delete-key = Delete key
ui-key-name = Key name
ui-rule = Rule
rule-equal = equal shares
rule-proportional = by { $attribute }
rule-todays-cost = by today’s cost
rule-fixed = fixed weights
rule-mix = mix of rules
ui-add-part = Add part
ui-shares = Shares
ui-all-members = All municipalities
ui-shares-error = These shares cannot be computed; see the validation list.
ui-first-year = First year
ui-horizon = Years analysed
ui-display-year = Year shown as annual cost
ui-discount-name = Name of the discount rate
ui-from-year-index = From year no. (0 = first)
ui-rate-percent = Rate, %
ui-add-step = Add step
ui-driver = Multiplied by
ui-payer = Paid by
ui-growth = Growth
ui-timing = When
