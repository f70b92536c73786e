package crm.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the administration, import and figures pages, in English here and in German in {@code messages/more_de.properties}.
 * Templates use them as {@code {more:key}}; the language follows the user's choice or the browser (see Pages).
 * Kept below 300 messages per bundle: Quarkus generates broken code for larger ones.
 */
@MessageBundle(value = "more", locale = "en")
public interface MoreMsg {

    @Message("Rules")
    String admin_rules();

    @Message("Show as table")
    String as_table();

    @Message("Audience export")
    String audience_export();

    @Message("Bought (article numbers)")
    String bought_skus();

    @Message("Choices (for type choice)")
    String choice_options();

    @Message("Consent wording")
    String consent_wording();

    @Message("New custom field")
    String custom_field_new();

    @Message("Custom fields")
    String custom_fields();

    @Message("Extra fields every customer can have.")
    String custom_fields_explained();

    @Message("Delete")
    String delete();

    @Message("Business calendars")
    String doc_business_calendars();

    @Message("Lead routing")
    String doc_lead_routing();

    @Message("Lead scoring")
    String doc_lead_scoring();

    @Message("Lead SLA")
    String doc_lead_sla();

    @Message("Pipeline stages")
    String doc_pipeline_stages();

    @Message("Service SLA policies")
    String doc_sla_policies();

    @Message("Territories")
    String doc_territories();

    @Message("Ticket routing rules")
    String doc_ticket_routing();

    @Message("The rules as the CRM stores them. Change them and save; the CRM checks them and names what it refuses.")
    String document_explained();

    @Message("Rules (JSON)")
    String document_json();

    @Message("Copy this into the page of your website where the form should appear.")
    String embed_explained();

    @Message("Snippet to embed")
    String embed_snippet();

    @Message("Key")
    String field_key();

    @Message("Type")
    String field_type();

    @Message("Bought together")
    String fig_cross_sell();

    @Message("Lead funnel by campaign")
    String fig_funnel_campaign();

    @Message("Lead funnel by channel")
    String fig_funnel_channel();

    @Message("Franchise league table")
    String fig_league();

    @Message("Revenue trend")
    String fig_revenue_trend();

    @Message("Service SLA compliance")
    String fig_sla();

    @Message("Slow sellers")
    String fig_slow_sellers();

    @Message("Top customers")
    String fig_top_customers();

    @Message("Top sellers")
    String fig_top_sellers();

    @Message("Figures of the whole brand, all units.")
    String figures_brand();

    @Message("Figures of your unit")
    String figures_unit();

    @Message("Fields")
    String form_fields();

    @Message("Form key")
    String form_key();

    @Message("cancelled")
    String import_cancelled();

    @Message("completed")
    String import_completed();

    @Message("Created")
    String import_created();

    @Message("failed")
    String import_failed();

    @Message("CSV file")
    String import_file();

    @Message("Please choose a CSV file.")
    String import_file_missing();

    @Message("Import")
    String import_job();

    @Message("Leads (e.g. a trade-fair list)")
    String import_leads();

    @Message("New import")
    String import_new();

    @Message("Recent customer imports")
    String import_recent();

    @Message("Refused")
    String import_refused();

    @Message("Refused rows")
    String import_refused_rows();

    @Message("Row")
    String import_row();

    @Message("rows")
    String import_rows();

    @Message("Rows read")
    String import_rows_read();

    @Message("running")
    String import_running();

    @Message("Start import")
    String import_start();

    @Message("Unchanged")
    String import_unchanged();

    @Message("Updated")
    String import_updated();

    @Message("What to import")
    String import_what();

    @Message("Label")
    String label();

    @Message("Label (German)")
    String label_de();

    @Message("Label (English)")
    String label_en();

    @Message("Members")
    String members();

    @Message("No data yet.")
    String no_data_yet();

    @Message("Not bought (article numbers)")
    String not_bought_skus();

    @Message("Post")
    String post();

    @Message("Required")
    String required_field();

    @Message("At risk")
    String rfm_at_risk();

    @Message("Champions")
    String rfm_champions();

    @Message("Hibernating")
    String rfm_hibernating();

    @Message("Lost")
    String rfm_lost();

    @Message("Loyal")
    String rfm_loyal();

    @Message("New")
    String rfm_new();

    @Message("Potential loyalists")
    String rfm_potential_loyalists();

    @Message("Saved.")
    String saved();

    @Message("Saved segments")
    String saved_segments();

    @Message("New segment")
    String segment_new();

    @Message("Segments")
    String segments();

    @Message("Choice")
    String type_choice();

    @Message("Date")
    String type_date();

    @Message("Number")
    String type_number();

    @Message("Text")
    String type_text();

    @Message("empty: headquarters")
    String unit_empty_hq();

    @Message("New web form")
    String web_form_new();

    @Message("Web forms")
    String web_forms();

    @Message("Forms on your websites that turn visitors into leads.")
    String web_forms_explained();
}
