#!/usr/bin/env bash
# Walks one deal through the gateway, printing each step: catalogue → quote → send → accept → sign → credit → payout →
# dispatch → delivery → active (billing, sell-out). Needs ./run.sh to be running. Only bash and curl.
set -euo pipefail
G="${WAAS_GATEWAY:-http://localhost:5080}/api"
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
post() { curl -fsS -X POST "$G/$1" -H 'content-type: application/json' ${2:+-d "$2"}; }
wait_for() { # path, text the answer must contain
  for _ in $(seq 1 100); do
    body=$(curl -fsS "$G/$1" 2>/dev/null || true)
    if grep -q "$2" <<<"$body"; then echo "$body"; return; fi
    sleep 0.2
  done
  echo "timed out waiting for $2 at $1: $body" >&2; exit 1
}

reseller=$(cat /proc/sys/kernel/random/uuid)
say "1. The reseller browses the catalogue (first items, prices per term)"
catalogue=$(curl -fsS "$G/quoting/catalogue?kind=Device")
echo "${catalogue:0:400} …"

say "2. The reseller quotes 2 workplaces (notebook + Microsoft 365 Business Premium + insurance + backup) and 2 monitors for 36 months"
quote=$(post quoting/quotes "{\"resellerId\":\"$reseller\",\"termMonths\":36,
  \"customer\":{\"companyName\":\"Muster GmbH\",\"country\":\"DE\",\"vatId\":\"DE123456789\",\"billingEmail\":\"ap@muster.example\",\"billingContactName\":\"Erika Muster\"},
  \"bundles\":[{\"device\":\"NB-LAT-5450\",\"seats\":2,\"upgrades\":[\"O365-BP\"],\"options\":[]}],
  \"lines\":[{\"sku\":\"MON-P2425\",\"quantity\":2}],
  \"resellerServices\":[{\"description\":\"On-site setup\",\"monthlyPrice\":5.00,\"quantity\":2}]}")
echo "$quote"
quote_id=$(field id <<<"$quote")

say "3. The reseller sends the quote; the customer accepts it: a contract draft with the frozen prices"
post "quoting/quotes/$quote_id/send" '{"to":"ap@muster.example","contactName":"Erika Muster"}' >/dev/null
echo "document: $G/quoting/quotes/$quote_id/document"
contract_id=$(post "quoting/quotes/$quote_id/accept" | field contractId)
wait_for "contract/contracts/$contract_id" '"status":"Draft"' >/dev/null
echo "contract $contract_id"

say "4. Customer signs, distributor countersigns: the deal saga starts"
post "contract/contracts/$contract_id/signatures/customer" '{"signedBy":"Erika Muster"}' >/dev/null
post "contract/contracts/$contract_id/signatures/distributor" '{"signedBy":"WaaS Operations"}' >/dev/null

say "5-7. Credit approves, the commission for the whole term is payable, logistics has the order"
wait_for "contract/deals/$contract_id" '"commissionPayable":true' >/dev/null
curl -fsS "$G/credit/checks/$contract_id"; echo
curl -fsS "$G/commission/commissions/$contract_id"; echo
shipment_id=$(wait_for "logistics/shipments?contractId=$contract_id" '"id"' | field id)

say "8. Operations dispatch the devices (serial numbers) and confirm delivery"
post "logistics/shipments/$shipment_id/dispatch" \
  '{"carrier":"DHL","trackingNumber":"JJD000123","devices":[{"sku":"NB-LAT-5450","serialNumber":"5CG4431A1"},{"sku":"NB-LAT-5450","serialNumber":"5CG4431A2"},{"sku":"MON-P2425","serialNumber":"CN0P24A1"},{"sku":"MON-P2425","serialNumber":"CN0P24A2"}]}' >/dev/null
post "logistics/shipments/$shipment_id/delivery" >/dev/null

say "9. The contract is active; billing and vendor reporting have their part"
wait_for "contract/deals/$contract_id" 'SellOutReported' >/dev/null
wait_for "contract/deals/$contract_id" 'BillingScheduleCreated'
echo
echo "Try also: curl $G/billing/schedules/$contract_id"
echo "          curl $G/vendor-reporting/sell-outs/$contract_id"
echo "          curl -X POST $G/contract/contracts/$contract_id/termination   # early termination → return case"
