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
