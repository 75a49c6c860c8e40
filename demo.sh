#!/usr/bin/env bash
# Walks one deal through the gateway, printing each step: tokens → catalogue → quote → send → accept → sign → credit →
# payout → dispatch → delivery → active (billing, sell-out) → audit. Needs ./run.sh to be running (Development: the
# Accounts service seeds the development tenant set, services/WaaS.Accounts/README.md). Only bash and curl.
set -euo pipefail
BASE="${WAAS_GATEWAY:-http://localhost:5080}"
G="$BASE/api"
RESELLER1=7e5e1100-0000-4000-8000-000000000001
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
field() { grep -o "\"$1\": *\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

# OAuth 2.0 client credentials at the public token endpoint, as a marketplace back end or the back office would.
token() { # client id, secret, [tenant]
  curl -fsS "$BASE/connect/token" -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$2" \
    -d scope=waas.api ${3:+-d "tenant=$3"} | field access_token
}
as_reseller() { curl -fsS -H "authorization: Bearer $RESELLER_TOKEN" "$@"; }
as_operations() { curl -fsS -H "authorization: Bearer $OPERATIONS_TOKEN" "$@"; }
post() { # who, path, [body]
  "as_$1" -X POST "$G/$2" -H 'content-type: application/json' -H "idempotency-key: $(cat /proc/sys/kernel/random/uuid)" ${3:+-d "$3"}
}
wait_for() { # path, text the answer must contain (read as the reseller)
  for _ in $(seq 1 100); do
    body=$(as_reseller "$G/$1" 2>/dev/null || true)
    if grep -q "$2" <<<"$body"; then echo "$body"; return; fi
    sleep 0.2
  done
  echo "timed out waiting for $2 at $1: $body" >&2; exit 1
}

say "0. The marketplace gets a token for reseller 1, the distributor's back office one for operations"
RESELLER_TOKEN=$(token marketplace marketplace-dev-secret "$RESELLER1")
OPERATIONS_TOKEN=$(token distributor-backoffice backoffice-dev-secret)
echo "reseller token: ${RESELLER_TOKEN:0:40}…"
echo "without a token: $(curl -s -o /dev/null -w '%{http_code}' "$G/quoting/quotes")"

say "1. The reseller browses the catalogue (first items, prices per term)"
catalogue=$(as_reseller "$G/quoting/catalogue?kind=Device")
echo "${catalogue:0:400} …"

# A VAT id of its own per run (credit counts exposure per customer); ending in 89 gives the development bureau a good score.
vat_id="DE$(printf '%07d' $((RANDOM * 32768 + RANDOM)) | tail -c 7)89"
say "2. The reseller quotes 2 workplaces (notebook + Microsoft 365 Business Premium + insurance + backup) and 2 monitors for 36 months"
quote=$(post reseller quoting/quotes "{\"termMonths\":36,
  \"customer\":{\"companyName\":\"Muster GmbH\",\"country\":\"DE\",\"vatId\":\"$vat_id\",\"billingEmail\":\"ap@muster.example\",\"billingContactName\":\"Erika Muster\"},
  \"bundles\":[{\"device\":\"NB-LAT-5450\",\"seats\":2,\"upgrades\":[\"O365-BP\"],\"options\":[]}],
  \"lines\":[{\"sku\":\"MON-P2425\",\"quantity\":2}],
  \"resellerServices\":[{\"description\":\"On-site setup\",\"monthlyPrice\":5.00,\"quantity\":2}]}")
echo "$quote"
quote_id=$(field id <<<"$quote")

say "3. The reseller sends the quote; the customer accepts it: a contract draft with the frozen prices"
post reseller "quoting/quotes/$quote_id/send" '{"to":"ap@muster.example","contactName":"Erika Muster"}' >/dev/null
echo "document: $G/quoting/quotes/$quote_id/document"
contract_id=$(post reseller "quoting/quotes/$quote_id/accept" | field contractId)
wait_for "contract/contracts/$contract_id" '"status":"Draft"' >/dev/null
echo "contract $contract_id"

say "4. Customer signs (the reseller collects it), distributor countersigns: the deal saga starts"
post reseller "contract/contracts/$contract_id/signatures/customer" '{"signedBy":"Erika Muster"}' >/dev/null
post operations "contract/contracts/$contract_id/signatures/distributor" '{"signedBy":"WaaS Operations"}' >/dev/null

say "5-7. Credit approves, the commission for the whole term is payable, logistics has the order"
wait_for "contract/deals/$contract_id" '"commissionPayable":true' >/dev/null
as_reseller "$G/credit/checks/$contract_id"; echo
as_reseller "$G/commission/commissions/$contract_id"; echo
shipment_id=$(wait_for "logistics/shipments?contractId=$contract_id" '"id"' | field id)

say "8. Operations dispatch the devices (serial numbers) and confirm delivery"
post operations "logistics/shipments/$shipment_id/dispatch" \
  '{"carrier":"DHL","trackingNumber":"JJD000123","devices":[{"sku":"NB-LAT-5450","serialNumber":"5CG4431A1"},{"sku":"NB-LAT-5450","serialNumber":"5CG4431A2"},{"sku":"MON-P2425","serialNumber":"CN0P24A1"},{"sku":"MON-P2425","serialNumber":"CN0P24A2"}]}' >/dev/null
post operations "logistics/shipments/$shipment_id/delivery" >/dev/null

say "9. The contract is active; billing and vendor reporting have their part"
wait_for "contract/deals/$contract_id" 'SellOutReported' >/dev/null
wait_for "contract/deals/$contract_id" 'BillingScheduleCreated'
echo

say "10. Who did what: the contract's audit (subject, client, tenant, correlation per event)"
as_reseller "$G/contract/contracts/$contract_id/audit"; echo
echo
refused=$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $OPERATIONS_TOKEN" -X POST "$G/contract/contracts/$contract_id/termination")
echo "The distributor may not terminate the reseller's contract: HTTP $refused (DistributorMayNotChangeResellersContract)"
echo "Try also (with -H \"authorization: Bearer \$TOKEN\"): $G/billing/schedules/$contract_id"
echo "          $G/vendor-reporting/sell-outs/$contract_id"
