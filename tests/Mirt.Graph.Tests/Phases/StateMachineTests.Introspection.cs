using Mirt.Graph.Phases;

namespace Mirt.Graph.Tests.Phases;

public sealed partial class StateMachineTests
{
    [Fact]
    public void GetInfo_SmallMachine_DescribesStatesNestingTransitionsAndActions()
    {
        var machine = ShopMachine();
        machine.Configure(Phase.Offer).Ignore(Trigger.Noise).OnEntryFrom(Trigger.Retry, _ => { }, "apologise").OnExit(_ => { }, "save cart");

        var info = machine.GetInfo();

        info.InitialState.Should().Be(Phase.Greeting);
        info.States.Select(s => s.State).Should().Equal(Phase.Greeting, Phase.Selling, Phase.Browsing, Phase.Offer, Phase.Closed);
        var selling = info.States[1];
        selling.Superstates.Should().BeEmpty();
        selling.Substates.Should().Equal(Phase.Browsing, Phase.Offer);
        selling.Transitions.Should().Equal(new TransitionInfo<Phase, Trigger>(Trigger.Cancel, Phase.Closed, null, false));
        var offer = info.States[3];
        offer.Superstates.Should().Equal(Phase.Selling);
        offer.Transitions.Should().Equal(
            new TransitionInfo<Phase, Trigger>(Trigger.Retry, Phase.Offer, null, true),
            new TransitionInfo<Phase, Trigger>(Trigger.Back, Phase.Browsing, null, false));
        offer.IgnoredTriggers.Should().Equal(Trigger.Noise);
        offer.EntryActions.Should().Equal("greet offer");
        offer.EntryFromActions.Should().Equal(new EntryFromActionInfo<Trigger>(Trigger.Retry, "apologise"));
        offer.ExitActions.Should().Equal("save cart");
        info.States[2].Transitions.Should().Equal(new TransitionInfo<Phase, Trigger>(Trigger.Pick, Phase.Offer, "in stock", false));
    }

    [Fact]
    public void GetInfo_ActionWithoutDescription_UsesMethodNameOrAnonymous()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).OnEntry(NamedAction).OnExit(_ => { });

        var greeting = machine.GetInfo().States.Single();

        greeting.EntryActions.Should().Equal(nameof(NamedAction));
        greeting.ExitActions.Should().Equal("(anonymous)");
    }

    [Fact]
    public void ToMermaid_SmallMachine_MatchesExpectedText()
    {
        var machine = ShopMachine();

        var mermaid = machine.ToMermaid();

        mermaid.Should().Be(
            """
            stateDiagram-v2
                [*] --> Greeting
                Greeting
                state Selling {
                    Browsing
                    Offer
                    Browsing --> Offer : Pick [in stock]
                    Offer --> Offer : Retry
                    Offer --> Browsing : Back
                }
                Closed
                Greeting --> Browsing : Browse
                Selling --> Closed : Cancel

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToMermaid_StateNamesThatAreNotIdentifiers_AreDeclaredWithAlias()
    {
        var machine = new StateMachine<string, string>("new lead");
        machine.Configure("new lead").Permit("say hi", "2nd step");
        machine.Configure("2nd step");

        var mermaid = machine.ToMermaid();

        mermaid.Should().Be(
            """
            stateDiagram-v2
                [*] --> new_lead
                state "new lead" as new_lead
                state "2nd step" as _2nd_step
                new_lead --> _2nd_step : say hi

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Validate_SoundMachine_ReturnsNoProblems()
    {
        ShopMachine().Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnconfiguredDestination_IsReportedOnce()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing).Permit(Trigger.Pick, Phase.Browsing);

        machine.Validate().Should().Equal(
            "State 'Browsing' is the destination of trigger 'Browse' from state 'Greeting' but is never configured; call Configure(Browsing) for it, even if it accepts no triggers.");
    }

    [Fact]
    public void Validate_UnreachableState_IsReported()
    {
        var machine = ShopMachine();
        machine.Configure(Phase.Orphan).Permit(Trigger.Back, Phase.Greeting);

        machine.Validate().Should().Equal(
            "State 'Orphan' cannot be reached from the initial state 'Greeting'; permit a trigger into it or remove its configuration.");
    }

    [Fact]
    public void Validate_SuperstateEnteredOnlyThroughSubstate_IsReachable()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);
        machine.Configure(Phase.Browsing).SubstateOf(Phase.Selling);
        machine.Configure(Phase.Selling).Permit(Trigger.Cancel, Phase.Closed);
        machine.Configure(Phase.Closed);

        machine.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_SubstateOfReachableSuperstateWithoutTransitionIn_IsReported()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Selling);
        machine.Configure(Phase.Selling);
        machine.Configure(Phase.Offer).SubstateOf(Phase.Selling);

        machine.Validate().Should().ContainSingle().Which.Should().StartWith("State 'Offer' cannot be reached");
    }

    [Fact]
    public void Freeze_ThenConfigure_ThrowsNamingTheFix()
    {
        var machine = ShopMachine();
        var offer = machine.Configure(Phase.Offer);
        machine.Freeze();

        var configure = () => machine.Configure(Phase.Payment);
        var permit = () => offer.Permit(Trigger.Pay, Phase.Payment);
        var unhandled = () => machine.OnUnhandledTrigger((_, _) => { });

        configure.Should().Throw<InvalidOperationException>()
            .WithMessage("The state machine configuration is frozen, so Configure cannot change it; configure every state before calling Freeze().");
        permit.Should().Throw<InvalidOperationException>().WithMessage("*so Permit cannot change it*");
        unhandled.Should().Throw<InvalidOperationException>();
        machine.IsFrozen.Should().BeTrue();
    }

    [Fact]
    public void WithState_BeforeFreeze_ThrowsNamingTheFix()
    {
        var machine = ShopMachine();

        var act = () => machine.WithState(Phase.Offer);

        act.Should().Throw<InvalidOperationException>().WithMessage("*call Freeze() after configuring every state and before WithState.");
    }

    [Fact]
    public void WithState_FrozenTemplate_MachinesShareConfigurationButNotState()
    {
        var template = ShopMachine();
        template.Freeze();

        var first = template.WithState(Phase.Browsing);
        var second = template.WithState(Phase.Offer);
        first.Fire(Trigger.Pick);
        second.Fire(Trigger.Cancel);

        first.State.Should().Be(Phase.Offer);
        second.State.Should().Be(Phase.Closed);
        template.State.Should().Be(Phase.Greeting);
        first.IsFrozen.Should().BeTrue();
        first.ToMermaid().Should().Be(template.ToMermaid());
        _log.Should().Equal("greet offer");
    }

    [Fact]
    public void WithState_ExternalStorage_UsesTheDelegates()
    {
        var template = ShopMachine();
        template.Freeze();
        var stored = Phase.Browsing;

        var machine = template.WithState(() => stored, s => stored = s);
        machine.Fire(Trigger.Pick);

        stored.Should().Be(Phase.Offer);
        machine.IsInState(Phase.Selling).Should().BeTrue();
    }

    [Fact]
    public async Task WithState_ManyConversationsOnManyThreads_DoNotInterfere()
    {
        var template = ShopMachine();
        template.Freeze();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var machine = template.WithState(Phase.Greeting);
            machine.Fire(Trigger.Browse);
            if (i % 2 == 0)
            {
                machine.Fire(Trigger.Pick);
            }

            return machine.State;
        })));

        results.Where((_, i) => i % 2 == 0).Should().OnlyContain(s => s == Phase.Offer);
        results.Where((_, i) => i % 2 == 1).Should().OnlyContain(s => s == Phase.Browsing);
    }

    private static void NamedAction(Transition<Phase, Trigger> transition)
    {
    }

    /// <summary>
    /// Greeting -Browse-> Browsing; Selling { Browsing -Pick [in stock]-> Offer, Offer -Retry-> Offer (reentry),
    /// Offer -Back-> Browsing }; Selling -Cancel-> Closed.
    /// </summary>
    private StateMachine<Phase, Trigger> ShopMachine()
    {
        var machine = new StateMachine<Phase, Trigger>(Phase.Greeting);
        machine.Configure(Phase.Greeting).Permit(Trigger.Browse, Phase.Browsing);
        machine.Configure(Phase.Selling).Permit(Trigger.Cancel, Phase.Closed);
        machine.Configure(Phase.Browsing).SubstateOf(Phase.Selling).PermitIf(Trigger.Pick, Phase.Offer, () => true, "in stock");
        machine.Configure(Phase.Offer)
            .SubstateOf(Phase.Selling)
            .PermitReentry(Trigger.Retry)
            .Permit(Trigger.Back, Phase.Browsing)
            .OnEntry(
                _ =>
                {
                    lock (_log)
                    {
                        _log.Add("greet offer");
                    }
                },
                "greet offer");
        machine.Configure(Phase.Closed);
        return machine;
    }
}
