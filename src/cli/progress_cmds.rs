//! `profile`, `done`, `log`, `remove`, `assign`, `assessment`: recording
//! progress from the shell. Silent on success where scripts expect it.

use super::args::{
    AssessmentArgs, AssignArgs, DoneArgs, LogArgs, ProfileAction, ProfileArgs, ProfileSet,
    RemoveArgs,
};
use super::output::{emit, json, Table};
use super::{
    date_failure, parse_date, parse_fy, snapshot, store, Context, Failure, Outcome, Problem,
};
use crate::app::profile_edit::{edit_profile, ProfileEdit};
use crate::app::progress::{
    record_assessment, record_assignment, record_completion, CompletionInput,
};
use crate::rules::engine::applicable_rulebooks;
use crate::rules::fy::FinancialYear;
use crate::rules::record::Completion;
use crate::rules::tier;

pub fn profile(ctx: &Context, args: &ProfileArgs) -> Outcome {
    if let Some(ProfileAction::Set(set)) = &args.action {
        return profile_set(ctx, set);
    }
    let snap = snapshot(ctx)?;
    let Some(p) = &snap.profile else {
        return Err(Problem::NoProfileToShow.into());
    };
    if let Some(w) = crate::app::profile_edit::stored_state_warning(p) {
        eprintln!(
            "karmadash: warning: {}",
            super::wording::stored_state_warning(&w)
        );
    }
    let fy = FinancialYear::containing(ctx.today);
    let tier = tier::resolve(&ctx.catalogue, p, fy).map_err(Failure::from)?;
    let rulebooks: Vec<&str> = applicable_rulebooks(&ctx.catalogue, p)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    if args.json {
        return json(&super::json::status::ProfileView {
            profile: super::json::status::profile(p),
            fy: super::json::fy(fy),
            tier: super::json::tier(&tier),
            rulebooks,
        });
    }
    let mut out = String::new();
    if let Some(name) = &p.name {
        out.push_str(&format!("Name:       {name}\n"));
    }
    out.push_str(&format!(
        "Service:    {} ({})\n",
        p.service.id().to_uppercase(),
        p.service.name()
    ));
    out.push_str(&format!(
        "State:      {}\n",
        p.state.as_deref().unwrap_or("-")
    ));
    if let Some(b) = p.batch {
        out.push_str(&format!("Batch:      {b}\n"));
    }
    out.push_str(&format!(
        "Registered: {}\n",
        p.registered.map_or(
            "not recorded (profile set --registered DATE)".to_string(),
            // As every other date this command prints: day first.
            |d| d.format("%d.%m.%Y").to_string()
        )
    ));
    out.push_str(&format!(
        "Tier {fy}: {} ({})\n",
        tier.id.as_deref().unwrap_or("none"),
        super::wording::tier_basis(&tier.basis)
    ));
    out.push_str("Orders that apply:\n");
    for r in applicable_rulebooks(&ctx.catalogue, p) {
        out.push_str(&format!(
            "  {}  {} ({})\n",
            r.id, r.short, r.citation.reference
        ));
    }
    emit(&out)
}

fn profile_set(ctx: &Context, set: &ProfileSet) -> Outcome {
    let edit = ProfileEdit {
        service: set.service.clone(),
        state: set.state.clone(),
        batch: set.batch.clone(),
        tier: set.tier.clone(),
        name: set.name.clone(),
        registered: set.registered.clone(),
        clear: set.clear.iter().map(|&f| f.into()).collect(),
    };
    let outcome =
        edit_profile(&ctx.catalogue, &store(ctx)?, ctx.today, &edit).map_err(Failure::from)?;
    let next = if outcome.created {
        "\nNext: `karmadash status`."
    } else {
        ""
    };
    emit(&format!(
        "{}{next}\n",
        outcome.summary(&super::wording::tier_basis)
    ))
}

pub fn done(ctx: &Context, args: &DoneArgs) -> Outcome {
    let date = match &args.date {
        Some(s) => parse_date(s).map_err(|e| date_failure("--date", e))?,
        None => ctx.today,
    };
    let course = args.course.join(" ");
    let input = CompletionInput {
        course: &course,
        other: args.other,
        hours: &args.hours,
        date,
        certificate: args.certificate.as_deref(),
    };
    let c = record_completion(&ctx.catalogue, &store(ctx)?, ctx.today, &input)
        .map_err(Failure::from)?;
    if args.json {
        return json(&super::json::status::completion(&c));
    }
    Ok(())
}

pub fn log(ctx: &Context, args: &LogArgs) -> Outcome {
    let fy = args.fy.as_deref().map(parse_fy).transpose()?;
    let snap = snapshot(ctx)?;
    let mut rows: Vec<&Completion> = snap
        .completions
        .iter()
        .filter(|c| fy.is_none_or(|f| f.contains(c.date)))
        .collect();
    rows.sort_by_key(|c| (c.date, c.id));
    if args.json {
        return json(
            &rows
                .iter()
                .map(|c| super::json::status::completion(c))
                .collect::<Vec<_>>(),
        );
    }
    if rows.is_empty() {
        return emit("No completions recorded yet. Record one with `karmadash done \"COURSE TITLE\" --hours 2`.\n");
    }
    let mut t = Table::new(&["ID", "DATE", "FY", "HOURS", "CERTIFICATE", "COURSE"])
        .right(0)
        .right(3);
    for c in &rows {
        let title = if c.in_catalogue {
            c.title.clone()
        } else {
            format!("{} (other)", c.title)
        };
        t.row(vec![
            c.id.to_string(),
            c.date.to_string(),
            FinancialYear::containing(c.date).to_string(),
            crate::units::hours::format_hours(u64::from(c.seconds)),
            c.certificate.clone().unwrap_or_else(|| "-".into()),
            title,
        ]);
    }
    emit(&t.render())
}

pub fn remove(ctx: &Context, args: &RemoveArgs) -> Outcome {
    store(ctx)?
        .remove_completion(args.id)
        .map_err(Failure::from)?;
    Ok(())
}

pub fn assign(ctx: &Context, args: &AssignArgs) -> Outcome {
    let due = args
        .due
        .as_deref()
        .map(|s| parse_date(s).map_err(|e| date_failure("--due", e)))
        .transpose()?;
    record_assignment(
        &ctx.catalogue,
        &store(ctx)?,
        ctx.today,
        &args.course.join(" "),
        due,
    )
    .map_err(Failure::from)?;
    Ok(())
}

pub fn assessment(ctx: &Context, args: &AssessmentArgs) -> Outcome {
    let date = parse_date(&args.passed).map_err(|e| date_failure("--passed", e))?;
    record_assessment(&store(ctx)?, ctx.today, date).map_err(Failure::from)?;
    Ok(())
}
