using ExecOps.Bot.Conversation;
using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Adrs;
using ExecOps.Workflows.Blockers;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Audit;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Resilience;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Extensions;

public static class WorkflowExtensions
{
    /// <summary>The directory, the workflows and the chat core, with settings checked now rather than at first use.</summary>
    public static IServiceCollection AddExecOpsWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var people = (configuration.GetSection("People").Get<List<PersonSettings>>() ?? []).Select(p => p.ToPerson()).ToList();
        var incomplete = people.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Name));
        if (incomplete is not null)
            throw new InvalidOperationException($"A person in the People section has no Id or Name ({incomplete.Email}); give every person both.");
        var directory = new PeopleDirectory(people);
        var unmanaged = people.Where(p => p.ReportsTo is { } manager && directory.Find(manager) is null).Select(p => $"{p.Id} reports to \"{p.ReportsTo}\"").ToList();
        if (unmanaged.Count > 0)
            throw new InvalidOperationException($"In the People section, {string.Join("; ", unmanaged)}, who is not in the directory; name a person who is, or leave ReportsTo out.");
        services.AddSingleton(directory);

        var incidents = configuration.Checked<IncidentSettings>("Incidents", i => i.Problems());
        incidents.ResolveStatusPage = configuration.GetValue<bool>("Statuspage:ResolveWithIncident");
        services.AddSingleton(incidents);
        services.AddSingleton<IncidentService>();
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<IReminderHandler, IncidentReminders>();

        var kpis = configuration.GetSection("Kpis").Get<KpiSettings>() ?? new KpiSettings();
        if (directory.Find(kpis.EscalationOwner) is null)
            throw new InvalidOperationException($"Kpis:EscalationOwner is \"{kpis.EscalationOwner}\", who is not in the People section; name someone who is.");
        // Read now, so a bad catalog stops start-up with every fault named rather than failing a command later.
        var catalog = KpiCatalog.Load(Path.Combine(AppContext.BaseDirectory, kpis.CatalogPath), directory);
        services.AddSingleton(catalog);
        services.AddSingleton(kpis);
        services.AddSingleton<KpiService>();
        services.AddSingleton<IReminderHandler, KpiReminders>();

        var scoreboard = configuration.Checked<ScoreboardSettings>("Scoreboard", s => s.Problems());
        services.AddSingleton(scoreboard);
        services.AddSingleton(new Segments(scoreboard.RegionNames));
        services.AddSingleton<ObservationIntake>();
        services.AddSingleton<MetricsIntake>();
        services.AddSingleton<ScoreboardQueries>();
        services.AddSingleton<ScoreboardService>();
        services.AddSingleton<FreshnessWatch>();
        services.AddSingleton<SavedViews>();
        services.AddSingleton<ScoreboardReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<ScoreboardReminders>());
        services.AddHostedService<RhythmStartup>();

        var retention = configuration.Checked<RetentionSettings>("Retention", r => r.Problems());
        services.AddSingleton(retention);
        services.AddSingleton<Housekeeping>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<Housekeeping>());

        var risks = configuration.Checked<RiskSettings>("Risks", r => r.Problems()
            .Concat(directory.Find(r.DefaultOwner) is null ? [$"Risks:DefaultOwner is \"{r.DefaultOwner}\", who is not in the People section."] : []));
        services.AddSingleton(risks);
        services.AddSingleton<RiskService>();
        services.AddSingleton<RiskReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<RiskReminders>());

        var ownership = configuration.Checked<OwnershipSettings>("Ownership", o => o.Problems());
        services.AddSingleton(ownership);
        // Read now, like the KPI catalog: a bad map stops start-up with every fault named.
        services.AddSingleton(OwnershipMap.Load(Path.Combine(AppContext.BaseDirectory, ownership.MapPath), directory));

        services.AddSingleton(configuration.GetSection("Changes").Get<ChangeSettings>() ?? new ChangeSettings());
        services.AddSingleton<ChangeService>();
        services.AddSingleton<Drills>();
        services.AddSingleton<BreakGlasses>();
        services.AddSingleton<IReminderHandler, ChangeReminders>();
        services.AddSingleton<IChatArea, BreakGlassArea>();

        services.AddSingleton<IChatArea, IncidentArea>();
        services.AddSingleton<IChatArea, ChangeArea>();
        services.AddSingleton(configuration.GetSection("Decisions").Get<DecisionSettings>() ?? new DecisionSettings());
        services.AddSingleton<DecisionService>();
        services.AddSingleton<IChatArea, DecisionArea>();
        services.AddSingleton<DecisionReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<DecisionReminders>());
        services.AddSingleton<IChatArea, ReadoutArea>();

        var reports = configuration.Checked<ReportSettings>("Reports", r => r.Problems(catalog, directory));
        services.AddSingleton(reports);
        services.AddSingleton<ReportDrafts>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<ReportDrafts>());
        services.AddSingleton<IChatArea, BoardPacketArea>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IChatArea, AuditArea>();
        services.AddSingleton<IChatArea, RiskArea>();
        var compliance = configuration.Checked<ComplianceSettings>("Compliance", c => c.Problems()
            .Concat(directory.Find(c.ExceptionApprover) is null ? [$"Compliance:ExceptionApprover is \"{c.ExceptionApprover}\", who is not in the People section."] : []));
        services.AddSingleton(compliance);
        services.AddSingleton(ControlCatalog.Load(Path.Combine(AppContext.BaseDirectory, compliance.CatalogPath), directory));
        services.AddSingleton<ComplianceService>();
        services.AddSingleton<EvidenceIntake>();
        services.AddSingleton<Vendors>();
        services.AddSingleton<AuditPacks>();
        services.AddSingleton<ComplianceReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<ComplianceReminders>());
        services.AddSingleton<IChatArea, ComplianceArea>();
        services.AddSingleton(configuration.Checked<ContractSettings>("Contracts", c => c.Problems()));
        services.AddSingleton<ContractService>();
        services.AddSingleton<INoticeObligations>(sp => sp.GetRequiredService<ContractService>());
        services.AddSingleton(sp => new ContractIntake(catalog, sp.GetRequiredService<ControlCatalog>(), directory, key => configuration.GetSection(key).Exists()));
        services.AddSingleton<IReminderHandler, ContractReminders>();
        services.AddSingleton<IChatArea, ContractArea>();
        services.AddSingleton(configuration.Checked<SpendSettings>("Spend", s => s.Problems()
            .Concat(directory.Find(s.FinOpsLead) is null ? [$"Spend:FinOpsLead is \"{s.FinOpsLead}\", who is not in the People section."] : [])
            .Concat(directory.Find(s.DividendDecidedBy) is null ? [$"Spend:DividendDecidedBy is \"{s.DividendDecidedBy}\", who is not in the People section."] : [])));
        services.AddSingleton<SpendIntake>();
        services.AddSingleton<SpendOwners>();
        services.AddSingleton<SpendReviews>();
        services.AddSingleton<SpendService>();
        services.AddSingleton<SpendReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<SpendReminders>());
        services.AddSingleton<IChatArea, SpendArea>();
        services.AddSingleton<OwnershipService>();
        services.AddSingleton<OwnershipAudits>();
        services.AddSingleton<OwnershipReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<OwnershipReminders>());
        services.AddSingleton<IChatArea, OwnershipArea>();
        services.AddSingleton(configuration.Checked<BlockerSettings>("Blockers", b => b.Problems()
            .Concat(directory.Find(b.Ceo) is null ? [$"Blockers:Ceo is \"{b.Ceo}\", who is not in the People section."] : [])));
        services.AddSingleton<BlockerService>();
        services.AddSingleton<IReminderHandler, BlockerReminders>();
        services.AddSingleton<IChatArea, BlockerArea>();
        services.AddSingleton(configuration.Checked<AdrSettings>("Adrs", a => a.Problems()));
        services.AddSingleton<AdrService>();
        services.AddSingleton<IReminderHandler, AdrReminders>();
        services.AddSingleton<IChatArea, AdrArea>();
        services.AddSingleton(configuration.Checked<ResilienceSettings>("Resilience", r => r.Problems()));
        services.AddSingleton<ResilienceService>();
        services.AddSingleton<IReminderHandler, ResilienceReminders>();
        services.AddSingleton<IChatArea, ResilienceArea>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton(configuration.Checked<TaskSettings>("Tasks", t => t.Problems()));
        services.AddSingleton<TaskReminders>();
        services.AddSingleton<IReminderHandler>(sp => sp.GetRequiredService<TaskReminders>());
        services.AddSingleton<IChatArea, TasksArea>();
        services.AddSingleton<IChatArea, KpiArea>();
        services.AddSingleton<IChatArea, PeopleArea>();
        services.AddSingleton<IChatArea, ScoreboardArea>();
        services.AddSingleton<ChatCore>();
        return services;
    }

    /// <summary>A settings section, read now and refused with every fault named, so a bad value stops start-up rather than a command later.</summary>
    internal static T Checked<T>(this IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems) where T : new()
    {
        var settings = configuration.GetSection(section).Get<T>() ?? new T();
        var faults = problems(settings).ToList();
        if (faults.Count > 0)
            throw new InvalidOperationException($"The {section} settings are not usable:\n" + string.Join("\n", faults));
        return settings;
    }
}
