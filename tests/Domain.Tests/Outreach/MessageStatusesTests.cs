using MonaSpark.Domain.Outreach;

namespace MonaSpark.Domain.Tests.Outreach;

/// <summary>Statuses only move forward, so a late or replayed report never undoes a later one.</summary>
public class MessageStatusesTests
{
    [Theory]
    [InlineData(MessageStatus.Drafted, MessageStatus.Scheduled)]
    [InlineData(MessageStatus.Drafted, MessageStatus.Sent)]
    [InlineData(MessageStatus.Drafted, MessageStatus.Cancelled)]
    [InlineData(MessageStatus.Drafted, MessageStatus.Failed)]
    [InlineData(MessageStatus.Scheduled, MessageStatus.Sent)]
    [InlineData(MessageStatus.Scheduled, MessageStatus.Cancelled)]
    [InlineData(MessageStatus.Scheduled, MessageStatus.Failed)]
    [InlineData(MessageStatus.Scheduled, MessageStatus.Delivered)]
    [InlineData(MessageStatus.Sent, MessageStatus.Delivered)]
    [InlineData(MessageStatus.Sent, MessageStatus.Bounced)]
    [InlineData(MessageStatus.Sent, MessageStatus.Complained)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Bounced)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Complained)]
    public void CanMove_Forward_True(MessageStatus from, MessageStatus to) => MessageStatuses.CanMove(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(MessageStatus.Scheduled, MessageStatus.Drafted)]
    [InlineData(MessageStatus.Sent, MessageStatus.Drafted)]
    [InlineData(MessageStatus.Sent, MessageStatus.Scheduled)]
    [InlineData(MessageStatus.Sent, MessageStatus.Cancelled)]
    [InlineData(MessageStatus.Sent, MessageStatus.Failed)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Sent)]
    [InlineData(MessageStatus.Bounced, MessageStatus.Delivered)]
    [InlineData(MessageStatus.Bounced, MessageStatus.Complained)]
    [InlineData(MessageStatus.Complained, MessageStatus.Delivered)]
    [InlineData(MessageStatus.Cancelled, MessageStatus.Sent)]
    [InlineData(MessageStatus.Cancelled, MessageStatus.Scheduled)]
    [InlineData(MessageStatus.Failed, MessageStatus.Sent)]
    [InlineData(MessageStatus.Failed, MessageStatus.Cancelled)]
    public void CanMove_BackwardsOrSideways_False(MessageStatus from, MessageStatus to) => MessageStatuses.CanMove(from, to).ShouldBeFalse();

    [Fact]
    public void CanMove_ToTheSameStatus_True()
    {
        foreach (var status in Enum.GetValues<MessageStatus>())
        {
            MessageStatuses.CanMove(status, status).ShouldBeTrue(status.ToString());
        }
    }

    [Fact]
    public void CanMove_FromDrafted_AnyStatus()
    {
        foreach (var status in Enum.GetValues<MessageStatus>())
        {
            MessageStatuses.CanMove(MessageStatus.Drafted, status).ShouldBeTrue(status.ToString());
        }
    }

    [Theory]
    [InlineData(MessageStatus.Drafted, false)]
    [InlineData(MessageStatus.Scheduled, false)]
    [InlineData(MessageStatus.Sent, true)]
    [InlineData(MessageStatus.Delivered, true)]
    [InlineData(MessageStatus.Bounced, true)]
    [InlineData(MessageStatus.Complained, true)]
    [InlineData(MessageStatus.Cancelled, false)]
    [InlineData(MessageStatus.Failed, false)]
    public void WasSent_OnlyOnceTheProviderHadIt(MessageStatus status, bool sent) => MessageStatuses.WasSent(status).ShouldBe(sent);
}
