using Mirt.Graph.Phases;

namespace Mirt.Graph.Tests.Phases;

public sealed partial class StateMachineTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void Fire_PermittedTrigger_MovesToDestination()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);

        machine.Fire(Trigger.Browse);

        machine.State.Should().Be(Phase.Browsing);
    }

    [Fact]
    public void Fire_GuardTrue_MovesToDestination()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Browsing);
        machine.Configure(Phase.Browsing).PermitIf(Trigger.Pick, Phase.Offer, () => true, "in stock");

        machine.Fire(Trigger.Pick);

        machine.State.Should().Be(Phase.Offer);
    }

    [Fact]
    public void Fire_GuardFalse_ThrowsNamingUnmetGuardAndStays()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Browsing);
        machine.Configure(Phase.Browsing).PermitIf(Trigger.Pick, Phase.Offer, () => false, "in stock");

        var act = () => machine.Fire(Trigger.Pick);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("Trigger 'Pick' is configured for state 'Browsing' but none of its guards passed ('in stock')*");
        machine.State.Should().Be(Phase.Browsing);
    }

    [Fact]
    public void Fire_TwoGuardsOnePassing_TakesThePassingTransition()
    {
        var paid = true;
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        machine.Configure(Phase.Offer)
            .PermitIf(Trigger.Pay, Phase.Payment, () => !paid, "not paid")
            .PermitIf(Trigger.Pay, Phase.Closed, () => paid, "paid");

        machine.Fire(Trigger.Pay);

        machine.State.Should().Be(Phase.Closed);
    }

    [Fact]
    public void Fire_TwoGuardsPassing_ThrowsAmbiguous()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        machine.Configure(Phase.Offer)
            .PermitIf(Trigger.Pay, Phase.Payment, () => true, "card")
            .PermitIf(Trigger.Pay, Phase.Closed, () => true, "cash");

        var act = () => machine.Fire(Trigger.Pay);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("Trigger 'Pay' in state 'Offer' is ambiguous: the guards 'card' and 'cash' both passed*");
        machine.State.Should().Be(Phase.Offer);
    }

    [Fact]
    public void Fire_IgnoredTrigger_StaysAndRunsNoAction()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Browsing);
        machine.Configure(Phase.Browsing)
            .Ignore(Trigger.Noise)
            .OnEntry(_ => _log.Add("enter"))
            .OnExit(_ => _log.Add("exit"));

        machine.Fire(Trigger.Noise);

        machine.State.Should().Be(Phase.Browsing);
        _log.Should().BeEmpty();
    }

    [Fact]
    public void Fire_Reentry_ExitsThenEntersSameState()
    {
        var transitions = new List<Transition<Phase, Trigger>>();
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        machine.Configure(Phase.Offer)
            .PermitReentry(Trigger.Retry)
            .OnExit(t => { _log.Add("exit Offer"); transitions.Add(t); })
            .OnEntry(t => { _log.Add("enter Offer"); transitions.Add(t); });

        machine.Fire(Trigger.Retry);

        machine.State.Should().Be(Phase.Offer);
        _log.Should().Equal("exit Offer", "enter Offer");
        transitions.Should().AllSatisfy(t => t.IsReentry.Should().BeTrue());
        transitions[0].Should().Be(new Transition<Phase, Trigger>(Phase.Offer, Phase.Offer, Trigger.Retry));
    }

    [Fact]
    public void Fire_ReentryConfiguredOnSuperstate_ExitsSubstateAndSuperstateThenEntersSuperstateOnly()
    {
        var machine = SellingMachine(Phase.Offer);
        machine.Configure(Phase.Selling).PermitReentry(Trigger.Retry);

        machine.Fire(Trigger.Retry);

        machine.State.Should().Be(Phase.Selling);
        _log.Should().Equal("exit Offer", "exit Selling", "enter Selling");
    }

    [Fact]
    public void Fire_TriggerConfiguredOnSuperstate_IsInheritedBySubstate()
    {
        var machine = SellingMachine(Phase.Offer);

        machine.Fire(Trigger.Cancel);

        machine.State.Should().Be(Phase.Closed);
    }

    [Fact]
    public void Fire_SubstateHandlesTriggerItself_WinsOverSuperstate()
    {
        var machine = SellingMachine(Phase.Browsing);
        machine.Configure(Phase.Browsing).Permit(Trigger.Cancel, Phase.Greeting);

        machine.Fire(Trigger.Cancel);

        machine.State.Should().Be(Phase.Greeting);
    }

    [Fact]
    public void Fire_SubstateGuardFails_FallsBackToSuperstate()
    {
        var machine = SellingMachine(Phase.Browsing);
        machine.Configure(Phase.Browsing).PermitIf(Trigger.Cancel, Phase.Greeting, () => false, "never");

        machine.Fire(Trigger.Cancel);

        machine.State.Should().Be(Phase.Closed);
    }

    [Fact]
    public void IsInState_Substate_TrueForItselfAndSuperstateOnly()
    {
        var machine = SellingMachine(Phase.Offer);

        machine.IsInState(Phase.Offer).Should().BeTrue();
        machine.IsInState(Phase.Selling).Should().BeTrue();
        machine.IsInState(Phase.Browsing).Should().BeFalse();
        machine.IsInState(Phase.Closed).Should().BeFalse();
    }

    [Fact]
    public void IsInState_Superstate_FalseForItsSubstates()
    {
        var machine = SellingMachine(Phase.Selling);

        machine.IsInState(Phase.Selling).Should().BeTrue();
        machine.IsInState(Phase.Offer).Should().BeFalse();
    }

    [Fact]
    public void Fire_BetweenSiblingSubstates_DoesNotExitOrEnterSuperstate()
    {
        var machine = SellingMachine(Phase.Browsing);

        machine.Fire(Trigger.Pick);

        machine.State.Should().Be(Phase.Offer);
        _log.Should().Equal("exit Browsing", "enter Offer");
    }

    [Fact]
    public void Fire_OutOfSubstate_ExitsInnermostFirst()
    {
        var machine = SellingMachine(Phase.Offer);

        machine.Fire(Trigger.Cancel);

        _log.Should().Equal("exit Offer", "exit Selling", "enter Closed");
    }

    [Fact]
    public void Fire_IntoSubstateFromOutside_EntersOutermostFirst()
    {
        var machine = SellingMachine(Phase.Greeting);

        machine.Fire(Trigger.Browse);

        machine.State.Should().Be(Phase.Browsing);
        _log.Should().Equal("exit Greeting", "enter Selling", "enter Browsing");
    }

    [Fact]
    public void Fire_FromSubstateToItsSuperstate_ExitsSubstateOnly()
    {
        var machine = SellingMachine(Phase.Offer);
        machine.Configure(Phase.Offer).Permit(Trigger.Retry, Phase.Selling);

        machine.Fire(Trigger.Retry);

        machine.State.Should().Be(Phase.Selling);
        _log.Should().Equal("exit Offer");
    }

    [Fact]
    public void Fire_Actions_ExitSeesOldStateAndEntrySeesNewState()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting)
            .Permit(Trigger.Browse, Phase.Browsing)
            .OnExit(_ => _log.Add($"exit in {machine.State}"));
        machine.Configure(Phase.Browsing)
            .OnEntry(t => _log.Add($"enter in {machine.State} from {t.Source} by {t.Trigger}"));

        machine.Fire(Trigger.Browse);

        _log.Should().Equal("exit in Greeting", "enter in Browsing from Greeting by Browse");
    }

    [Fact]
    public void Fire_SeveralEntryActions_RunInConfigurationOrder()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);
        machine.Configure(Phase.Browsing).OnEntry(_ => _log.Add("first")).OnEntry(_ => _log.Add("second"));

        machine.Fire(Trigger.Browse);

        _log.Should().Equal("first", "second");
    }

    [Fact]
    public void OnEntryFrom_MatchingTrigger_RunsOnlyForThatTrigger()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Browsing);
        machine.Configure(Phase.Browsing).Permit(Trigger.Pick, Phase.Offer);
        machine.Configure(Phase.Offer)
            .PermitReentry(Trigger.Retry)
            .OnEntry(_ => _log.Add("any"))
            .OnEntryFrom(Trigger.Retry, _ => _log.Add("retry"));

        machine.Fire(Trigger.Pick);
        _log.Should().Equal("any");

        machine.Fire(Trigger.Retry);
        _log.Should().Equal("any", "any", "retry");
    }

    [Fact]
    public void Fire_UnhandledTrigger_ThrowsNamingStateTriggerAndPermittedTriggers()
    {
        var machine = SellingMachine(Phase.Browsing);

        var act = () => machine.Fire(Trigger.Pay);

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "No transition from state 'Browsing' is permitted for trigger 'Pay'. Triggers permitted now: Pick, Cancel. Configure the trigger for the state (Permit, PermitIf, PermitReentry or Ignore), check CanFire before firing, or set OnUnhandledTrigger.");
    }

    [Fact]
    public void Fire_UnhandledTriggerInStateWithoutTriggers_ListsNone()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Closed);

        var act = () => machine.Fire(Trigger.Pay);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Triggers permitted now: none.*");
    }

    [Fact]
    public void OnUnhandledTrigger_Set_IsCalledInsteadOfThrowing()
    {
        var machine = SellingMachine(Phase.Browsing);
        machine.OnUnhandledTrigger((state, trigger) => _log.Add($"unhandled {trigger} in {state}"));

        machine.Fire(Trigger.Pay);

        machine.State.Should().Be(Phase.Browsing);
        _log.Should().Equal("unhandled Pay in Browsing");
    }

    [Fact]
    public void CanFire_FollowsGuardsInheritanceAndIgnore()
    {
        var open = false;
        var machine = SellingMachine(Phase.Browsing);
        machine.Configure(Phase.Browsing).PermitIf(Trigger.Pay, Phase.Payment, () => open, "cart open").Ignore(Trigger.Noise);

        machine.CanFire(Trigger.Pick).Should().BeTrue();
        machine.CanFire(Trigger.Cancel).Should().BeTrue();
        machine.CanFire(Trigger.Noise).Should().BeTrue();
        machine.CanFire(Trigger.Pay).Should().BeFalse();
        machine.CanFire(Trigger.Retry).Should().BeFalse();
        open = true;
        machine.CanFire(Trigger.Pay).Should().BeTrue();
    }

    [Fact]
    public void PermittedTriggers_ListsOwnThenInheritedWithoutFailingGuards()
    {
        var machine = SellingMachine(Phase.Browsing);
        machine.Configure(Phase.Browsing).PermitIf(Trigger.Pay, Phase.Payment, () => false, "cart open").Ignore(Trigger.Noise);

        machine.PermittedTriggers.Should().Equal(Trigger.Pick, Trigger.Noise, Trigger.Cancel);
    }

    [Fact]
    public void Permit_ToSameState_ThrowsPointingToReentryOrIgnore()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);

        var act = () => machine.Configure(Phase.Offer).Permit(Trigger.Retry, Phase.Offer);

        act.Should().Throw<ArgumentException>().WithMessage("*use PermitReentry*or Ignore*");
    }

    [Fact]
    public void Permit_SameTriggerTwiceWithoutGuard_Throws()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        var offer = machine.Configure(Phase.Offer).Permit(Trigger.Pay, Phase.Payment);

        var act = () => offer.Permit(Trigger.Pay, Phase.Closed);

        act.Should().Throw<ArgumentException>().WithMessage("State 'Offer' already handles trigger 'Pay'*");
    }

    [Fact]
    public void SubstateOf_Cycle_Throws()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        machine.Configure(Phase.Offer).SubstateOf(Phase.Selling);

        var self = () => machine.Configure(Phase.Offer).SubstateOf(Phase.Offer);
        var cycle = () => machine.Configure(Phase.Selling).SubstateOf(Phase.Offer);

        self.Should().Throw<ArgumentException>();
        cycle.Should().Throw<ArgumentException>().WithMessage("*remove the cycle*");
    }

    [Fact]
    public void SubstateOf_SecondDifferentSuperstate_Throws()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Offer);
        machine.Configure(Phase.Offer).SubstateOf(Phase.Selling);

        var same = () => machine.Configure(Phase.Offer).SubstateOf(Phase.Selling);
        var other = () => machine.Configure(Phase.Offer).SubstateOf(Phase.Payment);

        same.Should().NotThrow();
        other.Should().Throw<InvalidOperationException>().WithMessage("State 'Offer' is already a substate of 'Selling'*");
    }

    [Fact]
    public void Fire_FromInsideAnAction_Throws()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);
        machine.Configure(Phase.Browsing).Permit(Trigger.Pick, Phase.Offer).OnEntry(_ => machine.Fire(Trigger.Pick));

        var act = () => machine.Fire(Trigger.Browse);

        act.Should().Throw<InvalidOperationException>().WithMessage("Trigger 'Pick' was fired from inside an entry or exit action*");
        machine.Fire(Trigger.Pick);
        machine.State.Should().Be(Phase.Offer);
    }

    [Fact]
    public void Constructor_ExternalStorage_ReadsAndWritesThroughDelegates()
    {
        var stored = Phase.Greeting;
        var machine = new StateMachine<Phase, Trigger>(() => stored, s => stored = s);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);
        machine.Configure(Phase.Offer).Permit(Trigger.Pay, Phase.Payment);

        machine.Fire(Trigger.Browse);
        stored.Should().Be(Phase.Browsing);

        stored = Phase.Offer;
        machine.State.Should().Be(Phase.Offer);
        machine.Fire(Trigger.Pay);
        stored.Should().Be(Phase.Payment);
        machine.InitialState.Should().Be(Phase.Greeting);
    }

    [Fact]
    public void Transition_IsReentry_TrueOnlyForSameSourceAndDestination()
    {
        new Transition<Phase, Trigger>(Phase.Offer, Phase.Offer, Trigger.Retry).IsReentry.Should().BeTrue();
        new Transition<Phase, Trigger>(Phase.Offer, Phase.Closed, Trigger.Pay).IsReentry.Should().BeFalse();
    }

    /// <summary>
    /// Greeting -Browse-> Browsing; Selling { Browsing -Pick-> Offer, Offer -Back-> Browsing }; Selling -Cancel-> Closed.
    /// Every state logs its entry and exit.
    /// </summary>
    private StateMachine<Phase, Trigger> SellingMachine(Phase initial)
    {
        var machine = new StateMachine<Phase, Trigger>(initial);
        Logged(machine.Configure(Phase.Greeting)).Permit(Trigger.Browse, Phase.Browsing);
        Logged(machine.Configure(Phase.Selling)).Permit(Trigger.Cancel, Phase.Closed);
        Logged(machine.Configure(Phase.Browsing)).SubstateOf(Phase.Selling).Permit(Trigger.Pick, Phase.Offer);
        Logged(machine.Configure(Phase.Offer)).SubstateOf(Phase.Selling).Permit(Trigger.Back, Phase.Browsing);
        Logged(machine.Configure(Phase.Closed));
        return machine;
    }

    private StateConfiguration<Phase, Trigger> Logged(StateConfiguration<Phase, Trigger> state) =>
        state.OnEntry(_ => _log.Add($"enter {state.State}")).OnExit(_ => _log.Add($"exit {state.State}"));
}
