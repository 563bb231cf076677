using Stepwise.Storage.Tags;

namespace Stepwise.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    private const string TaggedArn = "arn:aws:states:us-east-1:123456789012:activity:tagged";

    [Fact]
    public async Task Tags_keep_the_order_their_keys_were_first_added_and_a_known_key_takes_its_new_value_in_place()
    {
        var store = await NewStoreAsync();

        await store.Tags.AddAsync(TaggedArn, [new ResourceTag("team", "core"), new ResourceTag("env", "dev")]);
        await store.Tags.AddAsync(TaggedArn, [new ResourceTag("cost", ""), new ResourceTag("team", "platform")]);

        Assert.Equal([new ResourceTag("team", "platform"), new ResourceTag("env", "dev"), new ResourceTag("cost", "")],
            await store.Tags.ListAsync(TaggedArn));
        Assert.Empty(await store.Tags.ListAsync(TaggedArn + "-other"));
    }

    [Fact]
    public async Task Removing_tags_ignores_unknown_keys_and_removing_all_forgets_the_resource_s_tags()
    {
        var store = await NewStoreAsync();
        await store.Tags.AddAsync(TaggedArn, [new ResourceTag("a", "1"), new ResourceTag("b", "2"), new ResourceTag("c", "3")]);

        await store.Tags.RemoveAsync(TaggedArn, ["b", "missing"]);
        Assert.Equal([new ResourceTag("a", "1"), new ResourceTag("c", "3")], await store.Tags.ListAsync(TaggedArn));

        await store.Tags.RemoveAllAsync(TaggedArn);
        Assert.Empty(await store.Tags.ListAsync(TaggedArn));
        await store.Tags.AddAsync(TaggedArn, [new ResourceTag("d", "4")]);
        Assert.Equal([new ResourceTag("d", "4")], await store.Tags.ListAsync(TaggedArn));
    }
}
