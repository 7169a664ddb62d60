using Stateless;
using static ExecOps.Workflows.Compliance.VendorState;
using static ExecOps.Workflows.Compliance.VendorTrigger;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The one place that says what may happen to a vendor: its review date passing makes it due (its owner is
/// reminded until a review is recorded); a review makes it current again; an offboarded vendor takes nothing more.
/// </summary>
internal static class VendorMachine
{
    public static StateMachine<VendorState, VendorTrigger> For(VendorData vendor)
    {
        var machine = new StateMachine<VendorState, VendorTrigger>(() => vendor.State, s => vendor.State = s);
        machine.Configure(Active)
            .InternalTransition(Review, _ => { })
            .Permit(FallDue, ReviewDue)
            .Permit(Offboard, Offboarded);
        machine.Configure(ReviewDue)
            .Permit(Review, Active)
            .Ignore(FallDue)
            .Permit(Offboard, Offboarded);
        machine.Configure(Offboarded)
            .Ignore(FallDue);
        return machine;
    }
}

/// <summary>What a vendor's state means to those who read it.</summary>
public static class VendorStates
{
    extension(VendorData vendor)
    {
        public bool IsOffboarded => vendor.State == Offboarded;

        public bool IsReviewOverdue => vendor.State == ReviewDue;
    }
}
