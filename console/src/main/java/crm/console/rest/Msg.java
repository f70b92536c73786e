package crm.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages most staff use, in English here and in German in {@code messages/msg_de.properties}.
 * Templates use them as {@code {msg:key}}; the language follows the user's choice or the browser (see Pages).
 * Kept below 300 messages per bundle: Quarkus generates broken code for larger ones.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Address")
    String address();

    @Message("Amount")
    String amount();

    @Message("answered")
    String answered();

    @Message("Any")
    String any();

    @Message("CRM")
    String app_name();

    @Message("Apply")
    String apply();

    @Message("Assignee")
    String assignee();

    @Message("Back")
    String back();

    @Message("Cancel")
    String cancel();

    @Message("Captured")
    String captured();

    @Message("Category")
    String category();

    @Message("Change status")
    String change_status();

    @Message("Changed")
    String changed();

    @Message("Someone else changed this customer while you were editing. Your changes were not saved; the form now shows the current values.")
    String changed_by_someone_else();

    @Message("Channel")
    String channel();

    @Message("City")
    String city();

    @Message("Customer lifetime value")
    String clv();

    @Message("Company")
    String company();

    @Message("Consents")
    String consents();

    @Message("Conversation")
    String conversation();

    @Message("Create anyway")
    String create_anyway();

    @Message("Created")
    String created();

    @Message("Created from")
    String created_from();

    @Message("Created before")
    String created_to();

    @Message("Customer")
    String customer();

    @Message("New customer")
    String customer_new();

    @Message("Stage")
    String customer_stage();

    @Message("Tag")
    String customer_tag();

    @Message("Tags")
    String customer_tags();

    @Message("Date")
    String date();

    @Message("Follow-ups")
    String day_followups();

    @Message("Everything due for you.")
    String day_for_me();

    @Message("Everything due in your area of responsibility.")
    String day_for_unit();

    @Message("Leads at risk")
    String day_leads_at_risk();

    @Message("My leads")
    String day_my_leads();

    @Message("No open follow-ups.")
    String day_no_followups();

    @Message("No leads need attention.")
    String day_no_leads();

    @Message("No tickets need attention.")
    String day_no_tickets();

    @Message("Tickets near breach")
    String day_tickets_near_breach();

    @Message("Good day")
    String day_title();

    @Message("Description")
    String description();

    @Message("Details")
    String details();

    @Message("Direction")
    String direction();

    @Message("Inbound")
    String direction_inbound();

    @Message("Outbound")
    String direction_outbound();

    @Message("Reason")
    String disqualify_reason();

    @Message("Due")
    String due_at();

    @Message("due in")
    String due_in();

    @Message("This person may already exist. Open one of these, or create the customer anyway.")
    String duplicates_found();

    @Message("Edit")
    String edit();

    @Message("Edit customer")
    String edit_customer();

    @Message("E-mail")
    String email();

    @Message("Anonymises this person in every service. This cannot be undone.")
    String erase_explained();

    @Message("Erase this person")
    String erase_now();

    @Message("Erase (GDPR Art. 17)")
    String erase_title();

    @Message("Type ERASE to confirm")
    String erase_type_to_confirm();

    @Message("applied")
    String erasure_applied();

    @Message("pending")
    String erasure_pending();

    @Message("Erasure requested:")
    String erasure_started();

    @Message("Expected close")
    String expected_close();

    @Message("I confirm that this person asked for their data.")
    String export_confirm();

    @Message("Download export")
    String export_download();

    @Message("Everything the CRM holds about this person, from every service, as one JSON file.")
    String export_explained();

    @Message("Export (GDPR Art. 15/20)")
    String export_title();

    @Message("First name")
    String first_name();

    @Message("First response")
    String first_response();

    @Message("Add follow-up")
    String followup_add();

    @Message("What is to be done")
    String followup_title();

    @Message("Forecast")
    String forecast();

    @Message("Forecast by month")
    String forecast_by_month();

    @Message("Headquarters (all units)")
    String hq_all_units();

    @Message("What")
    String interaction_kind();

    @Message("Internal note")
    String internal_note();

    @Message("Call")
    String kind_call();

    @Message("E-mail")
    String kind_email();

    @Message("Meeting")
    String kind_meeting();

    @Message("Note")
    String kind_note();

    @Message("Purchase")
    String kind_purchase();

    @Message("Language")
    String language();

    @Message("Last name")
    String last_name();

    @Message("Last purchase")
    String last_purchase();

    @Message("Lead")
    String lead();

    @Message("Channel")
    String lead_channel();

    @Message("Score")
    String lead_score();

    @Message("Status")
    String lead_status();

    @Message("Contacted")
    String lead_status_contacted();

    @Message("Converted")
    String lead_status_converted();

    @Message("Disqualified")
    String lead_status_disqualified();

    @Message("New")
    String lead_status_new();

    @Message("Nurture")
    String lead_status_nurture();

    @Message("Qualified")
    String lead_status_qualified();

    @Message("Lead status and views")
    String lead_statuses();

    @Message("Mark contacted")
    String lead_step_contact();

    @Message("Convert to customer")
    String lead_step_convert();

    @Message("Disqualify")
    String lead_step_disqualify();

    @Message("Nurture")
    String lead_step_nurture();

    @Message("Qualify")
    String lead_step_qualify();

    @Message("At risk")
    String lead_view_at_risk();

    @Message("Breached")
    String lead_view_breached();

    @Message("Headquarters queue")
    String lead_view_hq_queue();

    @Message("Mine")
    String lead_view_mine();

    @Message("Work the lead")
    String lead_work();

    @Message("Loading …")
    String loading();

    @Message("Log")
    String log_it();

    @Message("Duplicates to merge into this customer")
    String merge_choose();

    @Message("Merge the chosen customers")
    String merge_confirm();

    @Message("Merge duplicates")
    String merge_duplicates();

    @Message("Choose the duplicates of this customer. They are merged into it and then lead here.")
    String merge_explained();

    @Message("Message")
    String message_text();

    @Message("Month")
    String month();

    @Message("Name")
    String name();

    @Message("Administration")
    String nav_admin();

    @Message("Customers")
    String nav_customers();

    @Message("Figures")
    String nav_figures();

    @Message("Imports")
    String nav_imports();

    @Message("Leads")
    String nav_leads();

    @Message("My day")
    String nav_my_day();

    @Message("Pipeline")
    String nav_pipeline();

    @Message("Tickets")
    String nav_tickets();

    @Message("Main navigation")
    String navigation();

    @Message("Next page")
    String next_page();

    @Message("Nothing found.")
    String no_results();

    @Message("None.")
    String none();

    @Message("Not available.")
    String not_available();

    @Message("Note")
    String note();

    @Message("Nurture until")
    String nurture_until();

    @Message("Open")
    String open_amount();

    @Message("open customer")
    String open_customer();

    @Message("Open leads")
    String open_leads();

    @Message("Open opportunities")
    String open_opportunities();

    @Message("Open an opportunity for the deal")
    String open_opportunity_too();

    @Message("open pipeline")
    String open_pipeline();

    @Message("Open tickets")
    String open_tickets();

    @Message("Open leads, opportunities and tickets")
    String open_work();

    @Message("Opportunity")
    String opportunity();

    @Message("Opportunity")
    String opportunity_name();

    @Message("Orders")
    String orders();

    @Message("Outcome")
    String outcome();

    @Message("overdue by")
    String overdue_by();

    @Message("Some parts could not be loaded right now and are not shown.")
    String parts_missing();

    @Message("Phone")
    String phone();

    @Message("Open pipeline")
    String pipeline_total();

    @Message("Postal code")
    String postal_code();

    @Message("Priority")
    String priority();

    @Message("High")
    String priority_high();

    @Message("Low")
    String priority_low();

    @Message("Normal")
    String priority_normal();

    @Message("Urgent")
    String priority_urgent();

    @Message("Export and erase")
    String privacy_export_erase();

    @Message("Too many requests right now. Please try again in a moment.")
    String problem_busy();

    @Message("This is not possible in the current state.")
    String problem_conflict();

    @Message("You are not allowed to do this.")
    String problem_forbidden();

    @Message("Please check the marked fields.")
    String problem_invalid();

    @Message("Not found – the record does not exist or you may not see it.")
    String problem_not_found();

    @Message("Your session has ended. Please sign in again.")
    String problem_signed_out();

    @Message("Someone else changed this in the meantime. Please check the current values and try again.")
    String problem_stale();

    @Message("This is not available right now. Please try again later.")
    String problem_unavailable();

    @Message("Products of interest")
    String products_of_interest();

    @Message("Reply to customer")
    String public_reply();

    @Message("Purchases")
    String purchases();

    @Message("Read")
    String read();

    @Message("Reopen")
    String reopen();

    @Message("Resolution")
    String resolution();

    @Message("shown")
    String results_shown();

    @Message("Revenue")
    String revenue();

    @Message("RFM segment")
    String rfm_segment();

    @Message("Roles")
    String roles();

    @Message("Why it was routed here")
    String routing_reason();

    @Message("Save")
    String save();

    @Message("Search")
    String search();

    @Message("Name, e-mail, phone, city")
    String search_placeholder();

    @Message("Search")
    String search_text();

    @Message("Send")
    String send();

    @Message("Service")
    String service();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Sign out")
    String sign_out();

    @Message("You have been signed out of the CRM.")
    String signed_out_text();

    @Message("Signed out")
    String signed_out_title();

    @Message("Skip to content")
    String skip_to_content();

    @Message("SLA")
    String sla();

    @Message("SLA at risk")
    String sla_at_risk();

    @Message("SLA breached")
    String sla_breached();

    @Message("SLA clock")
    String sla_clock();

    @Message("SLA met")
    String sla_met();

    @Message("SLA missed")
    String sla_missed();

    @Message("No SLA applies to this ticket.")
    String sla_none();

    @Message("on track")
    String sla_on_track();

    @Message("paused")
    String sla_paused();

    @Message("Policy")
    String sla_policy();

    @Message("solved tickets")
    String solved_times();

    @Message("Sort")
    String sort();

    @Message("Last changed (oldest first)")
    String sort_default();

    @Message("Name")
    String sort_name();

    @Message("Newest first")
    String sort_newest();

    @Message("Recently changed")
    String sort_recently_changed();

    @Message("Source")
    String source();

    @Message("Customer")
    String stage_customer();

    @Message("Former customer")
    String stage_former_customer();

    @Message("Prospect")
    String stage_prospect();

    @Message("Sum")
    String stage_sum();

    @Message("Status")
    String status();

    @Message("Street")
    String street();

    @Message("Subject")
    String subject();

    @Message("Suggested articles")
    String suggested_articles();

    @Message("Summary")
    String summary();

    @Message("Tenant")
    String tenant();

    @Message("This solved it")
    String this_solved_it();

    @Message("Priority")
    String ticket_priority();

    @Message("Queue")
    String ticket_queue();

    @Message("Status")
    String ticket_status();

    @Message("Closed")
    String ticket_status_closed();

    @Message("New")
    String ticket_status_new();

    @Message("On hold")
    String ticket_status_on_hold();

    @Message("Open")
    String ticket_status_open();

    @Message("Open work")
    String ticket_status_open_work();

    @Message("Waiting for customer")
    String ticket_status_pending_customer();

    @Message("Resolved")
    String ticket_status_resolved();

    @Message("Near breach")
    String ticket_view_at_risk();

    @Message("Breached")
    String ticket_view_breached();

    @Message("Mine")
    String ticket_view_mine();

    @Message("My queues")
    String ticket_view_queue();

    @Message("Ticket views")
    String ticket_views();

    @Message("Timeline")
    String timeline();

    @Message("Nothing recorded yet.")
    String timeline_empty();

    @Message("Show older entries")
    String timeline_more();

    @Message("Unit")
    String unit();

    @Message("Value")
    String value_figures();

    @Message("Weighted")
    String weighted();

    @Message("weighted forecast")
    String weighted_forecast();

    @Message("Who sees it")
    String who_sees_it();

    @Message("Won")
    String won();

    @Message("Your text")
    String your_text();
}
