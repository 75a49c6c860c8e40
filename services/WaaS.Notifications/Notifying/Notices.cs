using WaaS.Contracts;
using WaaS.Documents;
using WaaS.Documents.Templating;
using WaaS.Notifications.Deals;
using WaaS.Notifications.Mails;
using static WaaS.Notifications.Mails.MailTemplates;

namespace WaaS.Notifications.Notifying;

/// <summary>The words of every notification, per language. Amounts and dates through <see cref="Locale"/>.</summary>
public static class Notices
{
    private static string Reference(Guid contractId) => $"C-{contractId.ToString("N")[..8].ToUpperInvariant()}";

    public static MailContent QuoteSent(Locale l, LegalDetails d, QuoteSent q) => Render(l, d,
        l.Pick($"Your quote {q.Reference}", $"Ihr Angebot {q.Reference}", $"Uw offerte {q.Reference}"),
        [
            Greeting(l, q.ContactName ?? q.Customer.BillingContactName),
            l.Pick(
                $"please find attached our quote {q.Reference} for {q.Customer.CompanyName}: {q.TermMonths} months at {l.Money(q.Monthly.Gross)} per month including VAT. It is valid until {l.Date(q.ValidUntil)}.",
                $"anbei erhalten Sie unser Angebot {q.Reference} für {q.Customer.CompanyName}: {q.TermMonths} Monate zu {l.Money(q.Monthly.Gross)} monatlich inklusive USt. Es gilt bis {l.Date(q.ValidUntil)}.",
                $"in de bijlage vindt u onze offerte {q.Reference} voor {q.Customer.CompanyName}: {q.TermMonths} maanden voor {l.Money(q.Monthly.Gross)} per maand inclusief btw. De offerte is geldig tot {l.Date(q.ValidUntil)}."),
            Closing(l, d),
        ]);

    public static MailContent ReadyToSign(Locale l, LegalDetails d, Deal deal) => Render(l, d,
        l.Pick($"Your rental contract {Reference(deal.Id)} is ready to sign", $"Ihr Mietvertrag {Reference(deal.Id)} liegt zur Unterschrift bereit",
            $"Uw huurcontract {Reference(deal.Id)} ligt klaar om te ondertekenen"),
        [
            Greeting(l, deal.Customer.BillingContactName),
            l.Pick(
                "thank you for accepting our quote. Attached is your rental contract with its terms and the SEPA business-to-business direct debit mandate. Please read it and sign it with your reseller.",
                "vielen Dank für die Annahme unseres Angebots. Anbei erhalten Sie Ihren Mietvertrag mit seinen Bedingungen und dem SEPA-Firmenlastschrift-Mandat. Bitte prüfen Sie ihn und unterzeichnen Sie ihn mit Ihrem Fachhändler.",
                "hartelijk dank voor het aanvaarden van onze offerte. In de bijlage vindt u uw huurcontract met de voorwaarden en de SEPA-incassomachtiging voor bedrijven. Lees het en onderteken het samen met uw reseller."),
            Closing(l, d),
        ]);

    public static MailContent DealApproved(Locale l, LegalDetails d, Deal deal) => Render(l, d,
        l.Pick($"Deal {Reference(deal.Id)} with {deal.Customer.CompanyName} approved", $"Auftrag {Reference(deal.Id)} mit {deal.Customer.CompanyName} freigegeben",
            $"Deal {Reference(deal.Id)} met {deal.Customer.CompanyName} goedgekeurd"),
        [
            Greeting(l, null),
            l.Pick(
                $"the credit check for {deal.Customer.CompanyName} is approved: the deal comes about and the devices will be shipped. The signed contract is attached; your commission is payable now.",
                $"die Bonitätsprüfung für {deal.Customer.CompanyName} ist positiv: Der Auftrag kommt zustande, die Geräte werden versandt. Der unterzeichnete Vertrag liegt bei; Ihre Provision ist jetzt fällig.",
                $"de kredietcontrole voor {deal.Customer.CompanyName} is goedgekeurd: de deal komt tot stand en de apparaten worden verzonden. Het ondertekende contract zit in de bijlage; uw commissie is nu betaalbaar."),
            Closing(l, d),
        ]);

    public static MailContent DealRejected(Locale l, LegalDetails d, Deal deal, string reason) => Render(l, d,
        l.Pick($"Deal {Reference(deal.Id)} with {deal.Customer.CompanyName} not approved", $"Auftrag {Reference(deal.Id)} mit {deal.Customer.CompanyName} nicht freigegeben",
            $"Deal {Reference(deal.Id)} met {deal.Customer.CompanyName} niet goedgekeurd"),
        [
            Greeting(l, null),
            l.Pick($"the deal did not come about: {reason}. The contract is void.", $"der Auftrag kommt nicht zustande: {reason}. Der Vertrag ist hinfällig.",
                $"de deal komt niet tot stand: {reason}. Het contract vervalt."),
            Closing(l, d),
        ]);

    public static MailContent Dispatched(Locale l, LegalDetails d, Deal deal, ShipmentDispatched s) => Render(l, d,
        l.Pick("Your devices are on their way", "Ihre Geräte sind unterwegs", "Uw apparaten zijn onderweg"),
        [
            Greeting(l, deal.Customer.BillingContactName),
            l.Pick(
                $"{s.Devices.Count} devices for contract {Reference(deal.Id)} left our warehouse on {l.Date(s.DispatchedAt)} with {s.Carrier}, tracking number {s.TrackingNumber}. Your contract starts on delivery.",
                $"{s.Devices.Count} Geräte zu Vertrag {Reference(deal.Id)} haben am {l.Date(s.DispatchedAt)} unser Lager mit {s.Carrier} verlassen, Sendungsnummer {s.TrackingNumber}. Ihr Vertrag beginnt mit der Lieferung.",
                $"{s.Devices.Count} apparaten voor contract {Reference(deal.Id)} hebben op {l.Date(s.DispatchedAt)} ons magazijn verlaten met {s.Carrier}, trackingnummer {s.TrackingNumber}. Uw contract begint bij levering."),
            Closing(l, d),
        ]);

    public static MailContent Activated(Locale l, LegalDetails d, ContractActivated a) => Render(l, d,
        l.Pick($"Your rental contract {Reference(a.ContractId)} has started", $"Ihr Mietvertrag {Reference(a.ContractId)} hat begonnen",
            $"Uw huurcontract {Reference(a.ContractId)} is gestart"),
        [
            Greeting(l, a.Customer.BillingContactName),
            l.Pick(
                $"your devices have arrived. Your contract runs from {l.Date(a.StartDate)} to {l.Date(a.EndDate)}; we debit {l.Money(a.Monthly.Gross)} per month including VAT by SEPA business direct debit, announced before every debit. Your signed contract is attached.",
                $"Ihre Geräte sind angekommen. Ihr Vertrag läuft vom {l.Date(a.StartDate)} bis {l.Date(a.EndDate)}; wir buchen monatlich {l.Money(a.Monthly.Gross)} inklusive USt per SEPA-Firmenlastschrift ab, jeweils mit Vorankündigung. Ihr unterzeichneter Vertrag liegt bei.",
                $"uw apparaten zijn aangekomen. Uw contract loopt van {l.Date(a.StartDate)} tot {l.Date(a.EndDate)}; wij incasseren {l.Money(a.Monthly.Gross)} per maand inclusief btw via SEPA-bedrijfsincasso, telkens vooraf aangekondigd. Uw ondertekende contract zit in de bijlage."),
            Closing(l, d),
        ]);

    public static MailContent EndingSoon(Locale l, LegalDetails d, Deal deal, ContractEndingSoon e, string? successorLink) => Render(l, d,
        l.Pick($"Contract {Reference(e.ContractId)} of {deal.Customer.CompanyName} ends in {e.DaysLeft} days",
            $"Vertrag {Reference(e.ContractId)} von {deal.Customer.CompanyName} endet in {e.DaysLeft} Tagen",
            $"Contract {Reference(e.ContractId)} van {deal.Customer.CompanyName} eindigt over {e.DaysLeft} dagen"),
        [
            Greeting(l, null),
            l.Pick(
                $"the contract ends on {l.Date(e.EndDate)}. Offer your customer a successor in time, so the new devices arrive before the old ones are due back: {successorLink}",
                $"der Vertrag endet am {l.Date(e.EndDate)}. Bieten Sie Ihrem Kunden rechtzeitig einen Folgevertrag an, damit die neuen Geräte vor der Rückgabe der alten ankommen: {successorLink}",
                $"het contract eindigt op {l.Date(e.EndDate)}. Bied uw klant op tijd een vervolgcontract aan, zodat de nieuwe apparaten aankomen voordat de oude terug moeten: {successorLink}"),
            Closing(l, d),
        ],
        l.Pick("You receive this reminder as a reseller; turn reminders off in your notification settings.",
            "Sie erhalten diese Erinnerung als Fachhändler; in Ihren Benachrichtigungseinstellungen können Sie Erinnerungen abbestellen.",
            "U ontvangt deze herinnering als reseller; in uw meldingsinstellingen kunt u herinneringen uitzetten."));

    public static MailContent CommissionPayable(Locale l, LegalDetails d, Deal deal, Contracts.CommissionPayable c) => Render(l, d,
        l.Pick($"Commission of {l.Money(c.Amount)} payable", $"Provision von {l.Money(c.Amount)} fällig", $"Commissie van {l.Money(c.Amount)} betaalbaar"),
        [
            Greeting(l, null),
            l.Pick(
                $"your commission of {l.Money(c.Amount)} for contract {Reference(c.ContractId)} with {deal.Customer.CompanyName} is payable as of {l.Date(c.PayableAt)}, for the whole term and without claw-back.",
                $"Ihre Provision von {l.Money(c.Amount)} für Vertrag {Reference(c.ContractId)} mit {deal.Customer.CompanyName} ist seit {l.Date(c.PayableAt)} fällig, für die gesamte Laufzeit und ohne Rückforderung.",
                $"uw commissie van {l.Money(c.Amount)} voor contract {Reference(c.ContractId)} met {deal.Customer.CompanyName} is betaalbaar per {l.Date(c.PayableAt)}, voor de hele looptijd en zonder terugvordering."),
            Closing(l, d),
        ]);

    public static MailContent ReturnDue(Locale l, LegalDetails d, Deal deal, ReturnCaseOpened r) => Render(l, d,
        l.Pick($"Please return the devices of contract {Reference(r.ContractId)} by {l.Date(r.ReturnDeadline)}",
            $"Bitte senden Sie die Geräte aus Vertrag {Reference(r.ContractId)} bis {l.Date(r.ReturnDeadline)} zurück",
            $"Stuur de apparaten van contract {Reference(r.ContractId)} uiterlijk {l.Date(r.ReturnDeadline)} terug"),
        [
            Greeting(l, deal.Customer.BillingContactName),
            l.Pick(
                $"your contract has ended. Please return every device by {l.Date(r.ReturnDeadline)}: by your own shipment (at your transport risk), through your reseller, or by a paid secure pick-up. Every data carrier is wiped by a certified method; you receive a wipe certificate per device. Devices not returned in time are charged.",
                $"Ihr Vertrag ist beendet. Bitte geben Sie alle Geräte bis {l.Date(r.ReturnDeadline)} zurück: per eigenem Versand (auf Ihr Transportrisiko), über Ihren Fachhändler oder per kostenpflichtiger sicherer Abholung. Jeder Datenträger wird zertifiziert gelöscht; Sie erhalten je Gerät ein Löschzertifikat. Nicht fristgerecht zurückgegebene Geräte werden berechnet.",
                $"uw contract is beëindigd. Stuur alle apparaten uiterlijk {l.Date(r.ReturnDeadline)} terug: zelf (op uw transportrisico), via uw reseller of met een betaalde beveiligde ophaling. Elke gegevensdrager wordt gecertificeerd gewist; u ontvangt per apparaat een wiscertificaat. Niet tijdig teruggestuurde apparaten worden in rekening gebracht."),
            Closing(l, d),
        ]);
}
