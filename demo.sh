#!/usr/bin/env bash
# Walks one deal through the gateway, printing each step: quote → accept → sign → credit → payout →
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
say "1. The reseller quotes 2 notebooks, 2 Microsoft 365 and 2 insurances for 36 months"
quote=$(post quoting/quotes "{\"resellerId\":\"$reseller\",\"termMonths\":36,
  \"customer\":{\"companyName\":\"Muster GmbH\",\"country\":\"DE\",\"vatId\":\"DE123456789\",\"billingEmail\":\"ap@muster.example\"},
  \"lines\":[{\"sku\":\"NB-LAT-5450\",\"quantity\":2},{\"sku\":\"O365-BE\",\"quantity\":2},{\"sku\":\"INS-DEV\",\"quantity\":2}]}")
echo "$quote"
quote_id=$(field id <<<"$quote")

say "2. The customer accepts: a contract draft is created"
contract_id=$(post "quoting/quotes/$quote_id/accept" | field contractId)
wait_for "contract/contracts/$contract_id" '"status":"Draft"' >/dev/null
echo "contract $contract_id"

say "3. Customer signs, distributor countersigns: the deal saga starts"
post "contract/contracts/$contract_id/signatures/customer" '{"signedBy":"Erika Muster"}' >/dev/null
post "contract/contracts/$contract_id/signatures/distributor" '{"signedBy":"WaaS Operations"}' >/dev/null

say "4-6. Credit approves, the commission for the whole term is payable, logistics has the order"
wait_for "contract/deals/$contract_id" '"commissionPayable":true' >/dev/null
curl -fsS "$G/credit/checks/$contract_id"; echo
curl -fsS "$G/commission/commissions/$contract_id"; echo
shipment_id=$(wait_for "logistics/shipments?contractId=$contract_id" '"id"' | field id)

say "7. Operations dispatch the devices (serial numbers) and confirm delivery"
post "logistics/shipments/$shipment_id/dispatch" \
  '{"carrier":"DHL","trackingNumber":"JJD000123","devices":[{"sku":"NB-LAT-5450","serialNumber":"5CG4431A1"},{"sku":"NB-LAT-5450","serialNumber":"5CG4431A2"}]}' >/dev/null
post "logistics/shipments/$shipment_id/delivery" >/dev/null

say "8. The contract is active; billing and vendor reporting have their part"
wait_for "contract/deals/$contract_id" 'SellOutReported' >/dev/null
wait_for "contract/deals/$contract_id" 'BillingScheduleCreated'
echo
echo "Try also: curl $G/billing/schedules/$contract_id"
echo "          curl $G/vendor-reporting/sell-outs/$contract_id"
echo "          curl -X POST $G/contract/contracts/$contract_id/termination   # early termination → return case"
